import type { BusinessTimingsState, DialogMetricsState, OpenedDialogSummary } from '../dialog-metrics';

/**
 * A dialog as the dialog list keeps it between batches: the folded states the next event
 * continues from, and the position of the last event folded into them.
 */
export type ListedDialog = Readonly<{
  dialogId: string;
  // Null only for a dialog opened in the current batch, until the batch numbers it.
  number: number | null;
  summary: OpenedDialogSummary;
  metrics: DialogMetricsState;
  lastPosition: bigint;
  // The business-hours values, measured as the metrics' intervals ended.
  business: BusinessTimingsState;
}>;

export type NumberedDialog = ListedDialog & Readonly<{ number: number }>;
