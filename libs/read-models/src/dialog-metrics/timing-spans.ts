import type { DialogMetricsState } from './dialog-metrics.state';

type Span = readonly [from: string | null, to: string | null];

/** The timings measured over one interval each (the response timings sum many). */
export type SpanTimingKey = 'waitForFirstReplyMs' | 'timeToStartOfWorkMs' | 'timeToCloseByOperatorMs' | 'durationMs' | 'firstMessageResponseMs' | 'botTimeMs';

/**
 * Where each single-interval timing starts and ends: the one definition both the calendar value
 * (the metrics view) and the business-hours value (measured when the end is reached) use.
 */
export const timingSpans: Readonly<Record<SpanTimingKey, (state: DialogMetricsState) => Span>> = {
  waitForFirstReplyMs: (state) => [state.firstClientMessageAt, state.firstOperatorReplyAt],
  timeToStartOfWorkMs: (state) => [state.createdAt, state.workStartedAt],
  timeToCloseByOperatorMs: (state) => [state.createdAt, state.closedByOperatorAt],
  durationMs: (state) => [state.firstMessageAt, state.lastMessageAt],
  // An operator reply, even one after a reopen, wins over the close: the close stands in only
  // when no operator ever replied.
  firstMessageResponseMs: (state) => [state.firstClientMessageAt, state.firstOperatorReplyAt ?? state.closedBeforeFirstReplyAt],
  botTimeMs: (state) => [state.botAnsweredFirstAt, state.firstOperatorMessageAt],
};

export const timingSpanKeys = Object.keys(timingSpans) as readonly SpanTimingKey[];
