import { foldDialogList, type FoldedDialog, type KnownDialogs } from '../../dialog-list/dialog-list.fold';
import type { DialogFact } from '../../facts/recorded-fact';

// A dialog folded on its own starts from nothing: no stored state, no deletion to honour (the
// handler answers 404 for a deleted dialog before it reads the log).
const NOTHING_KNOWN: KnownDialogs = { listed: new Map(), deleted: new Set() };

/**
 * The facts that had happened by `asOf` (included), judged by the time the metrics subtract:
 * the event's occurredAt. The domain refuses time going back within a stream, so these are the
 * stream's first facts; cutting at the first later one also keeps the fold on a prefix of the
 * stream should that ever not hold.
 */
export function factsUpTo(facts: readonly DialogFact[], asOf: Date): readonly DialogFact[] {
  const cut = facts.findIndex((fact) => Date.parse(fact.event.data.occurredAt) > asOf.getTime());
  return cut === -1 ? facts : facts.slice(0, cut);
}

/**
 * The dialog as it stood at `asOf`, folded by the dialog list's own fold, so a past view and the
 * list can never disagree on a status or a metric. Undefined when it was not opened yet.
 */
export function foldDialogAsOf(dialogId: string, facts: readonly DialogFact[], asOf: Date): FoldedDialog | undefined {
  return foldDialogList(factsUpTo(facts, asOf), NOTHING_KNOWN).dialogs.find((dialog) => dialog.dialogId === dialogId);
}
