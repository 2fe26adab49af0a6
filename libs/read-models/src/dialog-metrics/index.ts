export { initialDialogMetrics } from './dialog-metrics.state';
export type { DialogMetricsState, ResponseInterval } from './dialog-metrics.state';
export { evolveDialogMetrics } from './dialog-metrics.evolve';
export type { AssignmentCreditState, AssignmentPeriod } from './assignment-credit.state';
export type { DialogCounts } from './assignment-credit.view';
export { metricsOf } from './dialog-metrics.view';
export type { DialogDates, DialogMetrics, DialogTimings } from './dialog-metrics.view';
export { initialDialogSummary } from './dialog-summary.state';
export type {
  ClientRating,
  DialogSummaryState,
  OpenedDialogSummary,
  SupervisorReview,
} from './dialog-summary.state';
export { evolveDialogSummary } from './dialog-summary.evolve';
export { initialBusinessTimings } from './business-timings.state';
export type { BusinessTimingsState } from './business-timings.state';
export { evolveBusinessTimings } from './business-timings.evolve';
export { businessTimingsOf } from './business-timings.view';
export type { BusinessTimings } from './business-timings.view';
export { calendarMeasure, measureUnder } from './business-clock';
export type { LineTimelines, MeasureBusinessMs } from './business-clock';
