import type { DialogEvent } from '@switchboard/dialogs';
import type { AssignmentCreditState, AssignmentPeriod } from './assignment-credit.state';
import type { DialogMetricsState } from './dialog-metrics.state';

/**
 * Moves the assignment credit with one event, given the metric state before and after the rest
 * of the fold took it: assignments come from the event, the client's waits from the response
 * intervals the fold opened, answered or discarded, so a wait means here exactly what it means
 * for the response times.
 */
export function evolveAssignmentCredit(before: DialogMetricsState, after: DialogMetricsState, event: DialogEvent): AssignmentCreditState {
  const at = event.data.occurredAt;
  const waiting = after.openIntervalStartedAt !== null;
  const credit = after.credit;
  switch (event.type) {
    case 'OperatorAssigned':
      return assigned(credit, event.data.operatorId, event.data.reason, after.lineId, at, waiting);
    case 'OperatorUnassigned':
      return unassigned(credit, at);
    case 'DialogReopened':
      return { ...credit, reopenCount: credit.reopenCount + 1 };
    default:
      return afterWaitChange(before, after, at);
  }
}

// The same operator again is no new assignment (the domain records none; a replay would not
// either). A wait in progress that nobody was credited with goes to the newcomer.
function assigned(
  credit: AssignmentCreditState,
  operatorId: string,
  reason: string,
  lineId: string | null,
  at: string,
  waiting: boolean,
): AssignmentCreditState {
  if (credit.assigneeId === operatorId) return credit;
  const periods = endCurrentPeriod(credit, at);
  const period: AssignmentPeriod = {
    number: periods.length + 1,
    operatorId,
    reason,
    lineId,
    assignedAt: at,
    unassignedAt: null,
    clientWaitingAt: waiting ? at : null,
    firstResponseAt: null,
    firstResponderId: null,
  };
  return {
    ...credit,
    assigneeId: operatorId,
    waitCreditedTo: waiting ? (credit.waitCreditedTo ?? operatorId) : credit.waitCreditedTo,
    periods: [...periods, period],
    reassignmentCount: credit.reassignmentCount + (credit.assigneeId === null ? 0 : 1),
  };
}

function unassigned(credit: AssignmentCreditState, at: string): AssignmentCreditState {
  if (credit.assigneeId === null) return credit;
  return { ...credit, assigneeId: null, periods: endCurrentPeriod(credit, at) };
}

function endCurrentPeriod(credit: AssignmentCreditState, at: string): readonly AssignmentPeriod[] {
  if (credit.assigneeId === null) return credit.periods;
  return withCurrentPeriod(credit, (period) => ({ ...period, unassignedAt: at }));
}

/** A wait began, was answered, or was discarded by a close. */
function afterWaitChange(before: DialogMetricsState, after: DialogMetricsState, at: string): AssignmentCreditState {
  const credit = after.credit;
  const answered = after.responseIntervals.at(-1);
  if (after.responseIntervals.length > before.responseIntervals.length && answered !== undefined) {
    return {
      ...credit,
      waitCreditedTo: null,
      periods: withCurrentPeriod(credit, (period) =>
        period.firstResponseAt !== null || period.clientWaitingAt === null ? period : { ...period, firstResponseAt: at, firstResponderId: answered.operatorId },
      ),
    };
  }
  const wasWaiting = before.openIntervalStartedAt !== null;
  const waits = after.openIntervalStartedAt !== null;
  if (!wasWaiting && waits) {
    return {
      ...credit,
      waitCreditedTo: credit.assigneeId,
      periods: withCurrentPeriod(credit, (period) =>
        period.firstResponseAt !== null || period.clientWaitingAt !== null ? period : { ...period, clientWaitingAt: at },
      ),
    };
  }
  if (wasWaiting && !waits) {
    // A close answered nothing: the period forgets the wait, as the response intervals do.
    return {
      ...credit,
      waitCreditedTo: null,
      periods: withCurrentPeriod(credit, (period) => (period.firstResponseAt !== null ? period : { ...period, clientWaitingAt: null })),
    };
  }
  return credit;
}

// Only a period still running changes; an ended one is history.
function withCurrentPeriod(credit: AssignmentCreditState, change: (period: AssignmentPeriod) => AssignmentPeriod): readonly AssignmentPeriod[] {
  const current = credit.periods.at(-1);
  if (current === undefined || current.unassignedAt !== null || credit.assigneeId === null) return credit.periods;
  const changed = change(current);
  return changed === current ? credit.periods : [...credit.periods.slice(0, -1), changed];
}
