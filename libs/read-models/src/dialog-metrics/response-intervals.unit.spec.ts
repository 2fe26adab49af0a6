import type { DialogEvent } from '@switchboard/dialogs';
import type { ResponseInterval } from './dialog-metrics.state';
import {
  assigned,
  bot,
  client,
  closed,
  closedAsSpam,
  iso,
  metricsAfter,
  ms,
  note,
  opened,
  operator,
  reopened,
  tagged,
  taken,
  transferred,
} from '@switchboard/read-models/testing';

// [started minute, ended minute, operator, line, credited assignee]
type Span = [number, number, string, string?, (string | null)?];
type Row = [string, DialogEvent[], Span[], string | null];

const interval = ([from, to, operatorId, lineId = 'line-sales', assigneeId = null]: Span): ResponseInterval => ({
  startedAt: iso(from),
  endedAt: iso(to),
  durationMs: ms(to - from),
  operatorId,
  lineId,
  assigneeId,
});

describe('response intervals', () => {
  it.each<Row>([
    ['a client message answered by an operator', [opened(0), client(1), operator('op-1', 4)], [[1, 4, 'op-1']], null],
    ['several client messages in a row open one interval', [opened(0), client(1), client(2), client(3), operator('op-1', 5)], [[1, 5, 'op-1']], null],
    [
      'notes, bot messages and system entries never end an interval',
      [opened(0), client(1), note(2), bot(3), assigned('op-1', 4), taken('op-1', 5), tagged('vip', 6), operator('op-1', 8)],
      [[1, 8, 'op-1', 'line-sales', 'op-1']],
      null,
    ],
    ['an interval still open counts as none', [opened(0), client(1), operator('op-1', 2), client(5)], [[1, 2, 'op-1']], iso(5)],
    ['the operator who answers ends it', [opened(0), client(1), operator('op-2', 3), operator('op-1', 4)], [[1, 3, 'op-2']], null],
    ['an operator message before any client message opens nothing', [opened(0), operator('op-1', 1), operator('op-1', 2)], [], null],
    [
      'an outbound dialog counts from the client answer',
      [opened(0, { direction: 'outbound' }), operator('op-1', 1), client(3), operator('op-1', 7)],
      [[3, 7, 'op-1']],
      null,
    ],
    ['closing discards an open interval', [opened(0), client(1), closed(4), reopened(5), operator('op-1', 6)], [], null],
    ['a spam mark discards an open interval', [opened(0), client(1), closedAsSpam(4)], [], null],
    [
      'after a reopen the next client message opens a new one',
      [opened(0), client(1), closed(4), reopened(5), client(7), operator('op-1', 10)],
      [[7, 10, 'op-1']],
      null,
    ],
    ['a reopen alone opens nothing', [opened(0), client(1), closed(2), reopened(3)], [], null],
    [
      'several intervals keep their order and owners',
      [opened(0), client(1), operator('op-1', 3), client(4), client(5), operator('op-2', 9), client(10), operator('op-1', 11)],
      [
        [1, 3, 'op-1'],
        [4, 9, 'op-2'],
        [10, 11, 'op-1'],
      ],
      null,
    ],
    [
      'an interval belongs to the line that answered it',
      [opened(0), client(1), operator('op-1', 2), client(3), transferred('line-support', 4), operator('op-2', 6)],
      [
        [1, 2, 'op-1'],
        [3, 6, 'op-2', 'line-support'],
      ],
      null,
    ],
  ])('%s', (_case, events, spans, openSince) => {
    const metrics = metricsAfter(events);
    expect(metrics.responseIntervals).toEqual(spans.map(interval));
    expect(metrics.openIntervalStartedAt).toBe(openSince);
  });
});
