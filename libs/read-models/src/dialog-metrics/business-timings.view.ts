import type { BusinessTimingsState } from './business-timings.state';
import { responseAggregatesOf } from './response-aggregates';

/** The business-hours value next to each calendar timing, in ms; null where the calendar one is. */
export type BusinessTimings = Readonly<{
  waitForFirstReplyBusinessMs: number | null;
  timeToStartOfWorkBusinessMs: number | null;
  timeToCloseByOperatorBusinessMs: number | null;
  durationBusinessMs: number | null;
  firstMessageResponseBusinessMs: number | null;
  botTimeBusinessMs: number | null;
  totalResponseBusinessMs: number | null;
  averageResponseBusinessMs: number | null;
  maxResponseBusinessMs: number | null;
}>;

export function businessTimingsOf(state: BusinessTimingsState): BusinessTimings {
  const responses = responseAggregatesOf(state.responseMs);
  return {
    waitForFirstReplyBusinessMs: state.waitForFirstReplyMs,
    timeToStartOfWorkBusinessMs: state.timeToStartOfWorkMs,
    timeToCloseByOperatorBusinessMs: state.timeToCloseByOperatorMs,
    durationBusinessMs: state.durationMs,
    firstMessageResponseBusinessMs: state.firstMessageResponseMs,
    botTimeBusinessMs: state.botTimeMs,
    totalResponseBusinessMs: responses.totalMs,
    averageResponseBusinessMs: responses.averageMs,
    maxResponseBusinessMs: responses.maxMs,
  };
}
