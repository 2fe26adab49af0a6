import type { AssignmentPeriod, DialogMetricsState } from '../dialog-metrics';
import { elapsedMs } from '../dialog-metrics/elapsed-time';
import type { DialogFact } from '../facts/recorded-fact';

/** A row of assignment_responses, keyed like the table's columns (day is derived in SQL). */
export type AssignmentResponseRow = Readonly<{
  dialog_id: string;
  assignment_number: number;
  operator_id: string;
  reason: string;
  line_id: string | null;
  assigned_at: string;
  unassigned_at: string | null;
  client_waiting_at: string | null;
  first_response_at: string | null;
  first_responder_id: string | null;
  first_response_ms: number | null;
  last_position: string;
}>;

/**
 * The periods this event changed: at most the last two (a reassignment ends one and starts
 * the next), found by comparing them with what they were before.
 */
export function assignmentResponsesChangedBy(before: DialogMetricsState, after: DialogMetricsState, fact: DialogFact): AssignmentResponseRow[] {
  const was = before.credit.periods;
  const is = after.credit.periods;
  return is
    .slice(Math.max(0, is.length - 2))
    .filter((period) => !samePeriod(was[period.number - 1], period))
    .map((period) => rowOf(fact, period));
}

// Periods are small flat records of strings and numbers, built field by field in one order; an
// event that leaves a period alone keeps the same object, which spares the comparison.
const samePeriod = (a: AssignmentPeriod | undefined, b: AssignmentPeriod): boolean => a === b || (a !== undefined && JSON.stringify(a) === JSON.stringify(b));

const rowOf = (fact: DialogFact, period: AssignmentPeriod): AssignmentResponseRow => ({
  dialog_id: fact.dialogId,
  assignment_number: period.number,
  operator_id: period.operatorId,
  reason: period.reason,
  line_id: period.lineId,
  assigned_at: period.assignedAt,
  unassigned_at: period.unassignedAt,
  client_waiting_at: period.clientWaitingAt,
  first_response_at: period.firstResponseAt,
  first_responder_id: period.firstResponderId,
  first_response_ms: elapsedMs(period.clientWaitingAt, period.firstResponseAt),
  last_position: fact.position.toString(),
});
