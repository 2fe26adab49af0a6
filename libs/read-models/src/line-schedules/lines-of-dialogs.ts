import type { ListedDialog } from '../dialog-list/listed-dialog';
import type { DialogFact } from '../facts/recorded-fact';

/**
 * Every line a run of facts can measure a dialog in: the lines the listed dialogs are in, and
 * those the facts open or transfer dialogs into. The run's schedules are loaded for these.
 */
export function linesOfDialogs(facts: readonly DialogFact[], listed: Iterable<ListedDialog>): string[] {
  const lines = new Set<string>();
  for (const dialog of listed) if (dialog.metrics.lineId !== null) lines.add(dialog.metrics.lineId);
  for (const { event } of facts) {
    if (event.type === 'DialogOpened') lines.add(event.data.lineId);
    if (event.type === 'DialogTransferredToLine') lines.add(event.data.toLineId);
  }
  return [...lines];
}
