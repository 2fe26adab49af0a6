import type { DialogTimings } from './dialog-metrics.view';
import type { SpanTimingKey } from './timing-spans';

// Business-hours values of the timings, frozen when each measured interval ends: measured under
// the schedules the log held at that point, so a replay yields the same values as the live run.
// JSON-serialisable like the metrics state, which the projection keeps beside it.

/** The business-hours value of each single-interval timing; null while the calendar one is null. */
export type BusinessSpans = Pick<DialogTimings, SpanTimingKey>;

export type BusinessTimingsState = BusinessSpans &
  Readonly<{
    // One value per closed response interval of the metrics state, in the same order.
    responseMs: readonly number[];
  }>;

export const initialBusinessTimings: BusinessTimingsState = {
  waitForFirstReplyMs: null,
  timeToStartOfWorkMs: null,
  timeToCloseByOperatorMs: null,
  durationMs: null,
  firstMessageResponseMs: null,
  botTimeMs: null,
  responseMs: [],
};
