import type { RecordedEvent } from '@switchboard/event-store';
import type { Projection, ProjectionTransaction } from '@switchboard/projections';
import { inLogOrder } from '../facts/in-log-order';
import { dialogEventTypes, dialogReadModelFilter, type DialogFact, type LineDeletedFact } from '../facts/recorded-fact';
import { deleteResponseIntervals, insertResponseIntervals, RESPONSE_INTERVALS_TABLE } from '../response-intervals/response-intervals.writer';
import { commitWithoutWaitingForDisk } from '../shared/relaxed-commit';
import { deleteStatusChanges, insertStatusChanges, STATUS_HISTORY_TABLE } from '../status-history/status-history.writer';
import { DELETED_DIALOGS_TABLE, loadDeletedDialogs, recordDeletedDialogs } from './deleted-dialogs.writer';
import { foldDialogList, type FoldedDialog } from './dialog-list.fold';
import { dialogListRowOf } from './dialog-list.row';
import {
  deleteListedDialogsOfLine,
  DIALOG_LIST_TABLE,
  loadListedDialogs,
  reserveDialogNumbers,
  resetDialogNumbers,
  upsertDialogList,
} from './dialog-list.writer';

/**
 * The dialog list, and the status history and response intervals that come out of the same
 * fold, so each event is folded once. A run of facts costs a fixed number of statements: two
 * reads of what the tables hold, then one write per table.
 */
export class DialogListProjection implements Projection {
  readonly name = 'read-models.dialog-list';
  readonly filter = dialogReadModelFilter(dialogEventTypes);

  async handle(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    await commitWithoutWaitingForDisk(tx);
    await inLogOrder(events, {
      dialogFacts: (facts) => applyFacts(tx, facts),
      lineDeleted: (fact) => deleteDialogsOfLine(tx, fact),
    });
  }

  /** Empties the tables for a rebuild; run it in the transaction that resets the checkpoint. */
  async reset(tx: ProjectionTransaction): Promise<void> {
    await tx.query(`TRUNCATE ${DIALOG_LIST_TABLE}, ${STATUS_HISTORY_TABLE}, ${RESPONSE_INTERVALS_TABLE}, ${DELETED_DIALOGS_TABLE}`);
    await resetDialogNumbers(tx);
  }
}

async function applyFacts(tx: ProjectionTransaction, facts: readonly DialogFact[]): Promise<void> {
  const dialogIds = [...new Set(facts.map((fact) => fact.dialogId))];
  const listed = await loadListedDialogs(tx, dialogIds);
  const deleted = await loadDeletedDialogs(tx, dialogIds);
  const changes = foldDialogList(facts, { listed, deleted });

  const numbers = await numbersFor(tx, changes.opened);
  const rows = changes.dialogs.map((dialog) =>
    dialogListRowOf({ ...dialog, number: numberOf(dialog, numbers) }, dialog.searchTexts.join(' ')),
  );
  await upsertDialogList(tx, rows);
  await insertStatusChanges(tx, changes.statusChanges);
  await insertResponseIntervals(tx, changes.responseIntervals);
}

async function numbersFor(tx: ProjectionTransaction, opened: readonly string[]): Promise<Map<string, number>> {
  if (opened.length === 0) return new Map();
  const first = await reserveDialogNumbers(tx, opened.length);
  return new Map(opened.map((dialogId, index) => [dialogId, first + index]));
}

function numberOf(dialog: FoldedDialog, numbers: ReadonlyMap<string, number>): number {
  const number = dialog.number ?? numbers.get(dialog.dialogId);
  // The fold reports every dialog it opens, so this only fires on a bug in the fold itself.
  if (number === undefined) throw new Error(`dialog ${dialog.dialogId} was listed without a number`);
  return number;
}

/**
 * A deleted line takes its dialogs out of the list and the tables fed from it; the events stay.
 * The tombstones keep later (or replayed) events of those dialogs from listing them again.
 */
async function deleteDialogsOfLine(tx: ProjectionTransaction, deletion: LineDeletedFact): Promise<void> {
  const dialogIds = await deleteListedDialogsOfLine(tx, deletion.lineId, deletion.position);
  if (dialogIds.length === 0) return;
  await deleteStatusChanges(tx, dialogIds);
  await deleteResponseIntervals(tx, dialogIds);
  await recordDeletedDialogs(tx, dialogIds, deletion);
}
