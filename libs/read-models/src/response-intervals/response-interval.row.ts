import type { BusinessTimingsState, DialogMetricsState } from '../dialog-metrics';
import type { DialogFact } from '../facts/recorded-fact';

/** A row of read_models.response_intervals, keyed like the table's columns (day is derived in SQL). */
export type ResponseIntervalRow = Readonly<{
  dialog_id: string;
  // The event (an operator's public message) that closed the interval.
  position: string;
  event_id: string;
  operator_id: string;
  line_id: string | null;
  started_at: string;
  ended_at: string;
  duration_ms: number;
  // The operator assigned during the wait (see AssignmentCreditState.waitCreditedTo).
  assignee_id: string | null;
  // The open time of the interval under the hours of its line, as the log held them then.
  business_duration_ms: number;
}>;

/**
 * The intervals the metrics fold closed on this event. The fold only ever appends closed
 * intervals (an opening starts afresh with none), so the new ones are those past the old count.
 */
export function responseIntervalsClosedBy(
  before: DialogMetricsState,
  after: DialogMetricsState,
  fact: DialogFact,
  business: BusinessTimingsState,
): ResponseIntervalRow[] {
  const known = before.responseIntervals.length;
  if (after.responseIntervals.length <= known) return [];
  return after.responseIntervals.slice(known).map((interval, index) => ({
    dialog_id: fact.dialogId,
    position: fact.position.toString(),
    event_id: fact.eventId,
    operator_id: interval.operatorId,
    line_id: interval.lineId,
    started_at: interval.startedAt,
    ended_at: interval.endedAt,
    duration_ms: interval.durationMs,
    assignee_id: interval.assigneeId,
    business_duration_ms: business.responseMs[known + index],
  }));
}
