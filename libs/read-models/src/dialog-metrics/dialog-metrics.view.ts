import { countsOf, type DialogCounts } from './assignment-credit.view';
import type { DialogMetricsState, ResponseInterval } from './dialog-metrics.state';
import { elapsedMs } from './elapsed-time';

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
  const total = durations.reduce((sum, duration) => sum + duration, 0);
  // No closed interval means no response time at all, told apart from answers in 0 ms.
  const none = durations.length === 0;
  return {
    waitForFirstReplyMs: elapsedMs(state.firstClientMessageAt, state.firstOperatorReplyAt),
    timeToStartOfWorkMs: elapsedMs(state.createdAt, state.workStartedAt),
    timeToCloseByOperatorMs: elapsedMs(state.createdAt, state.closedByOperatorAt),
    durationMs: elapsedMs(state.firstMessageAt, state.lastMessageAt),
    // An operator reply, even one after a reopen, wins over the close: the close stands in only
    // when no operator ever replied.
    firstMessageResponseMs: elapsedMs(
      state.firstClientMessageAt,
      state.firstOperatorReplyAt ?? state.closedBeforeFirstReplyAt,
    ),
    botTimeMs: elapsedMs(state.botAnsweredFirstAt, state.firstOperatorMessageAt),
    totalResponseMs: none ? null : total,
    // Whole milliseconds like every other metric, so every timing fits the same integer column.
    averageResponseMs: none ? null : Math.round(total / durations.length),
    maxResponseMs: none ? null : durations.reduce((max, duration) => Math.max(max, duration), 0),
    responseCount: durations.length,
  };
}
