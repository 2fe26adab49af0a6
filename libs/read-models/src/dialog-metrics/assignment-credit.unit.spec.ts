import type { DialogEvent } from '@switchboard/dialogs';
import type { AssignmentPeriod } from './assignment-credit.state';
import {
  assigned,
  assignedFor,
  bot,
  client,
  closed,
  foldMetrics,
  iso,
  metricsAfter,
  opened,
  operator,
  reopened,
  transferred,
  unassigned,
} from '@switchboard/read-models/testing';

// `assigned` is a first-reply assignment, as the domain records it just before the reply.
const routed = (operatorId: string, minute: number): DialogEvent => assignedFor('routing', operatorId, minute);
const manual = (operatorId: string, minute: number): DialogEvent => assignedFor('manual', operatorId, minute);

describe('assignment credit: the operator credited with each response interval', () => {
  // [case, events after the opening, per closed interval: [answered by, credited assignee]]
  it.each<[string, DialogEvent[], [string, string | null][]]>([
    ['the assignee when the client started waiting', [routed('op-a', 0), client(1), operator('op-a', 4)], [['op-a', 'op-a']]],
    ['nobody assigned then: the first operator assigned during the wait', [client(1), manual('op-b', 3), operator('op-b', 5)], [['op-b', 'op-b']]],
    ['the first reply that assigns its sender', [client(1), assigned('op-x', 4), operator('op-x', 4)], [['op-x', 'op-x']]],
    [
      'reassigned in the middle of a wait: who held it when it began',
      [routed('op-a', 0), client(1), manual('op-b', 3), operator('op-b', 5)],
      [['op-b', 'op-a']],
    ],
    [
      'unassigned in the middle of a wait: still who held it when it began',
      [routed('op-a', 0), client(1), unassigned('op-a', 2), assigned('op-c', 4), operator('op-c', 4)],
      [['op-c', 'op-a']],
    ],
    ['two assigned during an unassigned wait: the first of them', [client(1), manual('op-b', 2), manual('op-c', 3), operator('op-c', 5)], [['op-c', 'op-b']]],
    ['nobody assigned from start to end: null', [client(1), operator('op-1', 3)], [['op-1', null]]],
    ['answered by a participant who is not the assignee', [routed('op-a', 0), client(1), operator('op-p', 3)], [['op-p', 'op-a']]],
    ['a bot message neither ends the wait nor is an assignment', [client(1), bot(2), manual('op-b', 3), operator('op-b', 4)], [['op-b', 'op-b']]],
    [
      'each wait credits whoever holds the dialog when it begins',
      [routed('op-a', 0), client(1), operator('op-a', 2), manual('op-b', 3), client(4), operator('op-b', 5)],
      [
        ['op-a', 'op-a'],
        ['op-b', 'op-b'],
      ],
    ],
    [
      'a wait discarded by a close credits nobody; after a reopen the next one credits the assignee then',
      [routed('op-a', 0), client(1), manual('op-b', 2), closed(3), reopened(4), client(5), operator('op-b', 6)],
      [['op-b', 'op-b']],
    ],
    [
      'an unassignment before the wait: the first operator assigned during it',
      [routed('op-a', 0), unassigned('op-a', 1), client(2), assigned('op-c', 4), operator('op-c', 5)],
      [['op-c', 'op-c']],
    ],
  ])('%s', (_case, events, expected) => {
    const intervals = metricsAfter([opened(0), ...events]).responseIntervals;
    expect(intervals.map((interval) => [interval.operatorId, interval.assigneeId])).toEqual(expected);
  });
});

// [operator, reason, assigned, unassigned, client waiting, first response, responder], minutes.
type PeriodRow = [string, string, number, number | null, number | null, number | null, string | null];

const minuteOf = (value: string | null): number | null => (value === null ? null : (Date.parse(value) - Date.parse(iso(0))) / 60_000);

const rowOf = (period: AssignmentPeriod): PeriodRow => [
  period.operatorId,
  period.reason,
  minuteOf(period.assignedAt) ?? -1,
  minuteOf(period.unassignedAt),
  minuteOf(period.clientWaitingAt),
  minuteOf(period.firstResponseAt),
  period.firstResponderId,
];

describe('assignment credit: first response per assignment period', () => {
  it.each<[string, DialogEvent[], PeriodRow[]]>([
    ['assigned before the client waits', [routed('op-a', 0), client(2), operator('op-a', 5)], [['op-a', 'routing', 0, null, 2, 5, 'op-a']]],
    [
      'a first reply answers at its own assignment: 0 ms',
      [client(1), assigned('op-x', 3), operator('op-x', 3)],
      [['op-x', 'first_reply', 3, null, 3, 3, 'op-x']],
    ],
    [
      'reassigned while the client waits: the newcomer waits from the assignment',
      [routed('op-a', 0), client(1), manual('op-b', 3), operator('op-b', 6)],
      [
        ['op-a', 'routing', 0, 3, 1, null, null],
        ['op-b', 'manual', 3, null, 3, 6, 'op-b'],
      ],
    ],
    ['a participant answers for the period, and is named', [routed('op-a', 0), client(1), operator('op-p', 4)], [['op-a', 'routing', 0, null, 1, 4, 'op-p']]],
    [
      'only the first response counts',
      [routed('op-a', 0), client(1), operator('op-a', 2), client(3), operator('op-a', 9)],
      [['op-a', 'routing', 0, null, 1, 2, 'op-a']],
    ],
    [
      'an operator message while nobody waits is no response',
      [routed('op-a', 0), operator('op-a', 1), client(3), operator('op-a', 4)],
      [['op-a', 'routing', 0, null, 3, 4, 'op-a']],
    ],
    ['a bot message is no response', [routed('op-a', 0), client(1), bot(2)], [['op-a', 'routing', 0, null, 1, null, null]]],
    [
      'a close forgets an unanswered wait; after a reopen the period goes on with the next one',
      [routed('op-a', 0), client(1), closed(2), reopened(3), client(5), operator('op-a', 7)],
      [['op-a', 'routing', 0, null, 5, 7, 'op-a']],
    ],
    ['closed unanswered and never reopened: no wait, no response', [routed('op-a', 0), client(1), closed(2)], [['op-a', 'routing', 0, null, null, null, null]]],
    ['an unassignment ends the period, unanswered', [routed('op-a', 0), client(1), unassigned('op-a', 2)], [['op-a', 'routing', 0, 2, 1, null, null]]],
    [
      'the same operator again is the same period',
      [routed('op-a', 0), manual('op-a', 1), client(2), operator('op-a', 3)],
      [['op-a', 'routing', 0, null, 2, 3, 'op-a']],
    ],
    [
      'an assignment while closed starts a period like any other (the domain refuses it; a replay accepts it)',
      [client(1), closed(2), manual('op-a', 3), reopened(4), client(5), operator('op-a', 6)],
      [['op-a', 'manual', 3, null, 5, 6, 'op-a']],
    ],
    [
      'a transfer to a line ends the period; the next assignment starts another',
      [routed('op-a', 0), client(1), unassigned('op-a', 2), transferred('line-support', 2), routed('op-c', 3), operator('op-c', 4)],
      [
        ['op-a', 'routing', 0, 2, 1, null, null],
        ['op-c', 'routing', 3, null, 3, 4, 'op-c'],
      ],
    ],
  ])('%s', (_case, events, expected) => {
    const { periods } = foldMetrics([opened(0), ...events]).credit;
    expect(periods.map(rowOf)).toEqual(expected);
    expect(periods.map((period) => period.number)).toEqual(expected.map((_, index) => index + 1));
  });

  it('keeps the line of the assignment', () => {
    const { periods } = foldMetrics([opened(0), routed('op-a', 0), unassigned('op-a', 1), transferred('line-support', 1), routed('op-c', 2)]).credit;
    expect(periods.map((period) => period.lineId)).toEqual(['line-sales', 'line-support']);
  });
});

describe('assignment credit: counts per dialog', () => {
  it.each<[string, DialogEvent[], number, number]>([
    ['nobody -> A is no reassignment', [client(1), assigned('op-a', 2)], 0, 0],
    ['A -> B is one', [routed('op-a', 0), manual('op-b', 1)], 1, 0],
    ['A -> B -> A is two', [routed('op-a', 0), manual('op-b', 1), manual('op-a', 2)], 2, 0],
    ['A -> nobody -> B replaces nobody', [routed('op-a', 0), unassigned('op-a', 1), manual('op-b', 2)], 0, 0],
    ['A -> A changes nothing', [routed('op-a', 0), manual('op-a', 1)], 0, 0],
    ['each reopen counts', [routed('op-a', 0), closed(1), reopened(2), closed(3), reopened(4), closed(5)], 0, 2],
  ])('%s', (_case, events, reassignmentCount, reopenCount) => {
    expect(metricsAfter([opened(0), ...events]).counts).toEqual({ reassignmentCount, reopenCount });
  });

  it('starts afresh at an opening', () => {
    expect(metricsAfter([opened(0), routed('op-a', 0), manual('op-b', 1), opened(2)]).counts).toEqual({ reassignmentCount: 0, reopenCount: 0 });
  });
});
