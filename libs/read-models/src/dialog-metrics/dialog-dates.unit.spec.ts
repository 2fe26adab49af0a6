import type { DialogEvent } from '@switchboard/dialogs';
import type { DialogDates } from './dialog-metrics.view';
import {
  assigned,
  bot,
  client,
  closed,
  closedAsSpam,
  iso,
  metricsAfter,
  note,
  opened,
  operator,
  rated,
  reopened,
  taken,
  transferred,
} from '@switchboard/read-models/testing';

type Row = [string, DialogEvent[], Partial<DialogDates>];

describe('dialog dates', () => {
  it('starts with only the creation and change dates', () => {
    expect(metricsAfter([opened(0)]).dates).toEqual({
      createdAt: iso(0),
      queuedAt: null,
      firstOperatorReplyAt: null,
      workStartedAt: null,
      lastMessageAt: null,
      closedByOperatorAt: null,
      closedAt: null,
      lastChangedAt: iso(0),
    });
  });

  it.each<Row>([
    ['queuedAt is the last send to a line queue', [opened(0), transferred('l-2', 2), transferred('l-3', 5)], { queuedAt: iso(5) }],
    [
      'the first operator reply follows the first client message',
      [opened(0), client(1), operator('op-1', 3), operator('op-2', 4)],
      { firstOperatorReplyAt: iso(3) },
    ],
    ['an outbound opening message is not a reply', [opened(0), operator('op-1', 1), client(2), operator('op-1', 6)], { firstOperatorReplyAt: iso(6) }],
    ['an operator message with no client message is no reply', [opened(0), operator('op-1', 1)], { firstOperatorReplyAt: null }],
    ['work starts at the first explicit take', [opened(0), taken('op-1', 2), taken('op-2', 7)], { workStartedAt: iso(2) }],
    ['a first reply or an assignment is not a take', [opened(0), client(1), assigned('op-1', 2), operator('op-1', 2)], { workStartedAt: null }],
    ['lastMessageAt follows public messages of any author', [opened(0), client(1), operator('op-1', 2), bot(4)], { lastMessageAt: iso(4) }],
    ['notes are not messages', [opened(0), client(1), note(5)], { lastMessageAt: iso(1), lastChangedAt: iso(5) }],
    ['an operator close sets both close dates', [opened(0), client(1), closed(4)], { closedAt: iso(4), closedByOperatorAt: iso(4) }],
    ['a system close is not a close by operator', [opened(0), client(1), closed(4, { closedBy: null })], { closedAt: iso(4), closedByOperatorAt: null }],
    ['a spam mark closes but is not a close by operator', [opened(0), client(1), closedAsSpam(3)], { closedAt: iso(3), closedByOperatorAt: null }],
    ['a reopened dialog is not closed', [opened(0), closed(2), reopened(5)], { closedAt: null, closedByOperatorAt: null, lastChangedAt: iso(5) }],
    ['after a reopen the latest close counts', [opened(0), closed(2), reopened(5), closed(9)], { closedAt: iso(9), closedByOperatorAt: iso(9) }],
    [
      'a system close after a reopen leaves no close by operator',
      [opened(0), closed(2), reopened(5), closed(9, { closedBy: null })],
      { closedAt: iso(9), closedByOperatorAt: null },
    ],
    [
      'the rating timeout does not move the close',
      [opened(0), closed(2, { awaitingRating: true }), closed(30, { closedBy: null })],
      { closedAt: iso(2), closedByOperatorAt: iso(2), lastChangedAt: iso(30) },
    ],
    ['the rating does not move the close', [opened(0), closed(2, { awaitingRating: true }), rated(4)], { closedAt: iso(2), lastChangedAt: iso(4) }],
    [
      'a spam mark on a closing dialog keeps the close',
      [opened(0), closed(2, { awaitingRating: true }), closedAsSpam(6)],
      { closedAt: iso(2), closedByOperatorAt: iso(2) },
    ],
    ['lastChangedAt follows any fact, even after the close', [opened(0), client(1), closed(2), note(8)], { lastChangedAt: iso(8) }],
  ])('%s', (_case, events, expected) => {
    expect(metricsAfter(events).dates).toMatchObject(expected);
  });
});
