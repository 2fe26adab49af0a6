import type { DialogEvent } from '@switchboard/dialogs';
import { measureUnder, type MeasureBusinessMs } from '../dialog-metrics/business-clock';
import { evolveBusinessTimings } from '../dialog-metrics/business-timings.evolve';
import { initialBusinessTimings, type BusinessTimingsState } from '../dialog-metrics/business-timings.state';
import { businessTimingsOf, type BusinessTimings } from '../dialog-metrics/business-timings.view';
import { evolveDialogMetrics } from '../dialog-metrics/dialog-metrics.evolve';
import { initialDialogMetrics, type DialogMetricsState } from '../dialog-metrics/dialog-metrics.state';

export type BusinessFold = Readonly<{ metrics: DialogMetricsState; business: BusinessTimingsState }>;

export const startOfFold: BusinessFold = { metrics: initialDialogMetrics, business: initialBusinessTimings };

/** The metrics and business-hours folds side by side, as the dialog list runs them. */
export const foldBusiness = (events: readonly DialogEvent[], measure: MeasureBusinessMs, from: BusinessFold = startOfFold): BusinessFold =>
  events.reduce<BusinessFold>((folded, event) => {
    const metrics = evolveDialogMetrics(folded.metrics, event);
    return { metrics, business: evolveBusinessTimings(folded.business, folded.metrics, metrics, measure) };
  }, from);

export const businessAfter = (events: readonly DialogEvent[], measure: MeasureBusinessMs = measureUnder(new Map())): BusinessTimings =>
  businessTimingsOf(foldBusiness(events, measure).business);
