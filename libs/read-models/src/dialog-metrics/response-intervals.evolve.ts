import type { DialogMetricsState } from './dialog-metrics.state';
import { elapsedMs } from './elapsed-time';

// Several client messages in a row share one interval: only the first unanswered one opens it.
// A closed dialog opens none (the domain refuses such messages anyway), so an interval never
// spans a close and a reopen.
export function openResponseInterval(state: DialogMetricsState, at: string): DialogMetricsState {
  if (state.closedAt !== null || state.openIntervalStartedAt !== null) return state;
  return { ...state, openIntervalStartedAt: at };
}

export function endResponseInterval(state: DialogMetricsState, at: string, operatorId: string): DialogMetricsState {
  const startedAt = state.openIntervalStartedAt;
  if (startedAt === null) return state;
  const durationMs = elapsedMs(startedAt, at) ?? 0;
  return {
    ...state,
    openIntervalStartedAt: null,
    responseIntervals: [
      ...state.responseIntervals,
      { startedAt, endedAt: at, durationMs, operatorId, lineId: state.lineId, assigneeId: state.credit.waitCreditedTo },
    ],
  };
}

// Closing answers nothing, so an unanswered question at close time has no response time at all.
export function discardOpenResponseInterval(state: DialogMetricsState): DialogMetricsState {
  return { ...state, openIntervalStartedAt: null };
}
