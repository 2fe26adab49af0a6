import type { MeasureBusinessMs } from './business-clock';
import type { BusinessSpans, BusinessTimingsState } from './business-timings.state';
import type { DialogMetricsState } from './dialog-metrics.state';
import { timingSpanKeys, timingSpans } from './timing-spans';

/**
 * Follows one step of the metrics fold (`before` -> `after`, one event). A timing whose start
 * or end moved is measured again, under the line the dialog is in now, when the interval ends:
 * the line that answered, closed or took it, as response intervals are credited. A transferred
 * dialog's earlier timings keep the hours of the line they ended in. A timing left unchanged
 * keeps its value, so schedules recorded later never rewrite what was measured before them.
 */
export function evolveBusinessTimings(
  state: BusinessTimingsState,
  before: DialogMetricsState,
  after: DialogMetricsState,
  measure: MeasureBusinessMs,
): BusinessTimingsState {
  const spans = { ...state } as { -readonly [K in keyof BusinessSpans]: number | null };
  for (const key of timingSpanKeys) {
    const [fromBefore, toBefore] = timingSpans[key](before);
    const [from, to] = timingSpans[key](after);
    if (from === fromBefore && to === toBefore) continue;
    spans[key] = from === null || to === null ? null : measure(from, to, after.lineId);
  }
  return { ...spans, responseMs: responseMsAfter(state.responseMs, before, after, measure) };
}

// Closed intervals are only ever appended (an opening starts afresh with none): keep the values
// of those still there, measure the new ones under the line each was credited to.
function responseMsAfter(responseMs: readonly number[], before: DialogMetricsState, after: DialogMetricsState, measure: MeasureBusinessMs): readonly number[] {
  const kept = Math.min(responseMs.length, before.responseIntervals.length, after.responseIntervals.length);
  if (kept === responseMs.length && kept === after.responseIntervals.length) return responseMs;
  const added = after.responseIntervals.slice(kept).map((interval) => measure(interval.startedAt, interval.endedAt, interval.lineId));
  return [...responseMs.slice(0, kept), ...added];
}
