import type { DialogEvent } from '@switchboard/dialogs';
import type { DialogTimings } from './dialog-metrics.view';
import { assigned, atMs, bot, client, closed, closedAsSpam, metricsAfter, ms, note, opened, operator, reopened, taken } from '@switchboard/read-models/testing';

type Row = [string, DialogEvent[], Partial<DialogTimings>];

describe('dialog timings', () => {
  it('leaves every timing undefined on a fresh dialog', () => {
    expect(metricsAfter([opened(0)]).timings).toEqual({
      waitForFirstReplyMs: null,
      timeToStartOfWorkMs: null,
      timeToCloseByOperatorMs: null,
      durationMs: null,
      firstMessageResponseMs: null,
      botTimeMs: null,
      totalResponseMs: null,
      averageResponseMs: null,
      maxResponseMs: null,
      responseCount: 0,
    });
  });

  describe.each<[string, Row[]]>([
    [
      'wait for first reply',
      [
        ['first reply - first client message', [opened(0), client(2), client(3), operator('op-1', 7)], { waitForFirstReplyMs: ms(5) }],
        ['an outbound opening message is not a reply', [opened(0), operator('op-1', 1), client(4), operator('op-1', 6)], { waitForFirstReplyMs: ms(2) }],
        ['a note is not a reply', [opened(0), client(1), note(2)], { waitForFirstReplyMs: null }],
        ['a bot message is not a reply', [opened(0), client(1), bot(2)], { waitForFirstReplyMs: null }],
        ['a reply after a reopen still counts', [opened(0), client(1), closed(3), reopened(5), operator('op-1', 8)], { waitForFirstReplyMs: ms(7) }],
      ],
    ],
    [
      'time to start of work',
      [
        ['first take - created', [opened(0), client(1), taken('op-1', 4), taken('op-2', 6)], { timeToStartOfWorkMs: ms(4) }],
        ['a reply or an assignment is no take', [opened(0), client(1), assigned('op-1', 2), operator('op-1', 2)], { timeToStartOfWorkMs: null }],
      ],
    ],
    [
      'time to close by operator',
      [
        ['operator close - created', [opened(0), client(1), closed(9)], { timeToCloseByOperatorMs: ms(9) }],
        ['the latest close after a reopen', [opened(0), closed(3), reopened(4), closed(12)], { timeToCloseByOperatorMs: ms(12) }],
        ['undefined while reopened', [opened(0), closed(3), reopened(4)], { timeToCloseByOperatorMs: null }],
        ['undefined for a system close', [opened(0), closed(3, { closedBy: null })], { timeToCloseByOperatorMs: null }],
        ['undefined for a spam mark', [opened(0), closedAsSpam(3)], { timeToCloseByOperatorMs: null }],
      ],
    ],
    [
      'dialog duration',
      [
        ['last message - first message, any public author', [opened(0), bot(1), client(2), operator('op-1', 6)], { durationMs: ms(5) }],
        ['notes and system entries are not messages', [opened(0), note(1), client(2), operator('op-1', 4), note(9), closed(10)], { durationMs: ms(2) }],
        ['a single message lasts nothing', [opened(0), client(3)], { durationMs: 0 }],
        ['no message, no duration', [opened(0), note(1)], { durationMs: null }],
      ],
    ],
    [
      'first message response time',
      [
        ['to the first operator reply', [opened(0), client(1), client(2), operator('op-1', 5)], { firstMessageResponseMs: ms(4) }],
        ['to the close when no operator replied', [opened(0), client(1), bot(2), closed(6)], { firstMessageResponseMs: ms(5) }],
        ['to a spam mark when no operator replied', [opened(0), client(1), closedAsSpam(3)], { firstMessageResponseMs: ms(2) }],
        ['to the first close, even while reopened', [opened(0), client(1), closed(3), reopened(4), closed(8)], { firstMessageResponseMs: ms(2) }],
        ['a later reply wins over the close', [opened(0), client(1), closed(3), reopened(4), operator('op-1', 9)], { firstMessageResponseMs: ms(8) }],
        ['undefined while unanswered and open', [opened(0), client(1), note(4)], { firstMessageResponseMs: null }],
        ['undefined without client message', [opened(0), operator('op-1', 1), closed(3)], { firstMessageResponseMs: null }],
      ],
    ],
    [
      'bot time',
      [
        ['first bot message - first operator message', [opened(0), client(1), bot(2), bot(3), operator('op-1', 7)], { botTimeMs: ms(5) }],
        ['a bot greeting before the client counts', [opened(0), bot(1), client(2), operator('op-1', 4)], { botTimeMs: ms(3) }],
        ['undefined while no operator took over', [opened(0), client(1), bot(2)], { botTimeMs: null }],
        ['undefined when an operator answered first', [opened(0), client(1), operator('op-1', 2), bot(3), operator('op-1', 5)], { botTimeMs: null }],
        ['undefined without a bot', [opened(0), client(1), operator('op-1', 2)], { botTimeMs: null }],
      ],
    ],
    [
      'response aggregates',
      [
        [
          'sum, mean, max and count of closed intervals',
          [opened(0), client(1), operator('op-1', 3), client(4), operator('op-2', 10), client(11), operator('op-1', 12)],
          { totalResponseMs: ms(9), averageResponseMs: ms(3), maxResponseMs: ms(6), responseCount: 3 },
        ],
        [
          'an open interval counts in no sum',
          [opened(0), client(1), operator('op-1', 3), client(4)],
          { totalResponseMs: ms(2), averageResponseMs: ms(2), maxResponseMs: ms(2), responseCount: 1 },
        ],
        [
          'a discarded interval counts in no sum',
          [opened(0), client(1), operator('op-1', 3), client(4), closed(9)],
          { totalResponseMs: ms(2), averageResponseMs: ms(2), maxResponseMs: ms(2), responseCount: 1 },
        ],
        [
          'no interval, no response time',
          [opened(0), client(1), closed(4)],
          { totalResponseMs: null, averageResponseMs: null, maxResponseMs: null, responseCount: 0 },
        ],
      ],
    ],
  ])('%s', (_metric, rows) => {
    it.each<Row>(rows)('%s', (_case, events, expected) => {
      expect(metricsAfter(events).timings).toMatchObject(expected);
    });
  });

  it('rounds the mean to whole milliseconds', () => {
    const events = [opened(0), atMs(client(0), 0), atMs(operator('op-1', 0), 1), atMs(client(0), 2), atMs(operator('op-1', 0), 4)];
    expect(metricsAfter(events).timings).toMatchObject({ totalResponseMs: 3, averageResponseMs: 2, maxResponseMs: 2 });
  });

  it('clamps a difference from out-of-order times to zero', () => {
    const events = [opened(10), client(8), operator('op-1', 5), taken('op-1', 2), closed(1)];
    expect(metricsAfter(events).timings).toMatchObject({
      waitForFirstReplyMs: 0,
      timeToStartOfWorkMs: 0,
      timeToCloseByOperatorMs: 0,
      durationMs: 0,
      firstMessageResponseMs: 0,
      totalResponseMs: 0,
    });
  });
});
