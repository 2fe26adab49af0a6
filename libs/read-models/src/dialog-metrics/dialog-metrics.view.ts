import { countsOf, type DialogCounts } from './assignment-credit.view';
import type { DialogMetricsState, ResponseInterval } from './dialog-metrics.state';
import { elapsedMs } from './elapsed-time';
import { responseAggregatesOf } from './response-aggregates';
import { timingSpans } from './timing-spans';

export type DialogDates = Readonly<{
  createdAt: string | null;
  queuedAt: string | null;
  firstOperatorReplyAt: string | null;
  workStartedAt: string | null;
  lastMessageAt: string | null;
  closedByOperatorAt: string | null;
  closedAt: string | null;
  lastChangedAt: string | null;
}>;

// Milliseconds; null when the metric is not defined (yet) for this dialog.
export type DialogTimings = Readonly<{
  waitForFirstReplyMs: number | null;
  timeToStartOfWorkMs: number | null;
  timeToCloseByOperatorMs: number | null;
  durationMs: number | null;
  firstMessageResponseMs: number | null;
  botTimeMs: number | null;
  totalResponseMs: number | null;
  averageResponseMs: number | null;
  maxResponseMs: number | null;
  responseCount: number;
}>;

export type DialogMetrics = Readonly<{
  dates: DialogDates;
  timings: DialogTimings;
  // Closed intervals only, in the order they ended.
  responseIntervals: readonly ResponseInterval[];
  openIntervalStartedAt: string | null;
  counts: DialogCounts;
}>;

export function metricsOf(state: DialogMetricsState): DialogMetrics {
  return {
    dates: {
      createdAt: state.createdAt,
      queuedAt: state.queuedAt,
      firstOperatorReplyAt: state.firstOperatorReplyAt,
      workStartedAt: state.workStartedAt,
      lastMessageAt: state.lastMessageAt,
      closedByOperatorAt: state.closedByOperatorAt,
      closedAt: state.closedAt,
      lastChangedAt: state.lastChangedAt,
    },
    timings: timingsOf(state),
    responseIntervals: state.responseIntervals,
    openIntervalStartedAt: state.openIntervalStartedAt,
    counts: countsOf(state.credit),
  };
}

function timingsOf(state: DialogMetricsState): DialogTimings {
  const durations = state.responseIntervals.map((interval) => interval.durationMs);
  const responses = responseAggregatesOf(durations);
  return {
    waitForFirstReplyMs: elapsedMs(...timingSpans.waitForFirstReplyMs(state)),
    timeToStartOfWorkMs: elapsedMs(...timingSpans.timeToStartOfWorkMs(state)),
    timeToCloseByOperatorMs: elapsedMs(...timingSpans.timeToCloseByOperatorMs(state)),
    durationMs: elapsedMs(...timingSpans.durationMs(state)),
    firstMessageResponseMs: elapsedMs(...timingSpans.firstMessageResponseMs(state)),
    botTimeMs: elapsedMs(...timingSpans.botTimeMs(state)),
    totalResponseMs: responses.totalMs,
    averageResponseMs: responses.averageMs,
    maxResponseMs: responses.maxMs,
    responseCount: durations.length,
  };
}
