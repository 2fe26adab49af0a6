import type { RecordedEvent } from '@switchboard/event-store';
import { ASSIGNMENT_RESPONSES_TABLE, assignmentResponsesDdl } from '../assignment-responses/assignment-responses.tables';
import { deleteAssignmentResponses, upsertAssignmentResponses } from '../assignment-responses/assignment-responses.writer';
import type { ProjectionTransaction, ReadModelDefinition, VersionedProjection } from '@switchboard/projections';
import { inLogOrder } from '../facts/in-log-order';
import { dialogEventTypes, dialogReadModelFilter, type ClientDataErasedFact, type DialogFact, type LineDeletedFact } from '../facts/recorded-fact';
import { responseIntervalsDdl } from '../response-intervals/response-intervals.tables';
import { deleteResponseIntervals, insertResponseIntervals } from '../response-intervals/response-intervals.writer';
import { lineSchedulesDdl } from '../line-schedules/line-schedules.tables';
import { applyLineScheduleFact, loadLineTimelines } from '../line-schedules/line-schedules.writer';
import { linesOfDialogs } from '../line-schedules/lines-of-dialogs';
import { statusHistoryDdl } from '../status-history/status-history.tables';
import { deleteStatusChanges, insertStatusChanges } from '../status-history/status-history.writer';
import { loadDeletedDialogs, recordDeletedDialogs, type DialogTombstone } from './deleted-dialogs.writer';
import { foldDialogList, type FoldedDialog } from './dialog-list.fold';
import { dialogListRowOf, type DialogListRow } from './dialog-list.row';
import { dialogListDdl, dialogListTables } from './dialog-list.tables';
import { erasedSummaryOf } from './erased-dialog';
import {
  clearSearchWords,
  deleteListedDialogs,
  deleteListedDialogsOfLine,
  loadListedDialogs,
  reserveDialogNumbers,
  upsertDialogList,
} from './dialog-list.writer';

/**
 * The dialog list, and the status history and response intervals that come out of the same
 * fold, so each event is folded once. A run of facts costs a fixed number of statements: two
 * reads of what the tables hold, then one write per table.
 */
export class DialogListProjection implements VersionedProjection {
  readonly name = 'read-models.dialog-list';
  // Schedule events too: the business-hours values are measured under them; erasures scrub the client's rows.
  readonly filter = dialogReadModelFilter(dialogEventTypes, { schedules: true, erasures: true });
  readonly readModel: ReadModelDefinition = {
    // 2 (credit by history): response intervals credited to the assignee, assignment periods,
    // reassignment and reopen counts. 2 (business hours, built beside it): business-hours values
    // of every timing and the lines' schedules they are measured by. 3: both together.
    version: 3,
    tables: [...dialogListTables, 'status_history', 'response_intervals', ASSIGNMENT_RESPONSES_TABLE, 'line_schedules'],
    ddl: [...dialogListDdl, ...statusHistoryDdl, ...responseIntervalsDdl, ...assignmentResponsesDdl, ...lineSchedulesDdl],
  };

  async handle(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    await inLogOrder(events, {
      dialogFacts: (facts) => this.applyFacts(tx, facts),
      lineDeleted: (fact) => deleteDialogsOfLine(tx, fact),
      lineScheduleChanged: (fact) => applyLineScheduleFact(tx, fact),
      clientDataErased: (fact) => this.scrub(tx, fact),
    });
  }

  /**
   * The erased client's dialogs show its personal fields as erased, and the search finds them by
   * none of its words: what a rebuild, reading those events erased, writes.
   */
  private async scrub(tx: ProjectionTransaction, erasure: ClientDataErasedFact): Promise<void> {
    const listed = await loadListedDialogs(tx, erasure.dialogIds);
    const erased = [...listed.values()].map((dialog): FoldedDialog => ({ ...dialog, summary: erasedSummaryOf(dialog.summary), searchTexts: [] }));
    await upsertDialogList(
      tx,
      erased.map((dialog) => this.rowOf({ ...dialog, number: numberOf(dialog, new Map()) })),
    );
    await clearSearchWords(tx, [...listed.keys()]);
  }

  /** The row a folded dialog is stored as. A changed definition of a column is a new version. */
  protected rowOf(dialog: FoldedDialog & { number: number }): DialogListRow {
    return dialogListRowOf(dialog, dialog.searchTexts.join(' '));
  }

  private async applyFacts(tx: ProjectionTransaction, facts: readonly DialogFact[]): Promise<void> {
    const dialogIds = [...new Set(facts.map((fact) => fact.dialogId))];
    const listed = await loadListedDialogs(tx, dialogIds);
    const deleted = await loadDeletedDialogs(tx, dialogIds);
    const schedules = await loadLineTimelines(tx, linesOfDialogs(facts, listed.values()));
    const changes = foldDialogList(facts, { listed, deleted, schedules });

    const numbers = await numbersFor(tx, changes.opened);
    await upsertDialogList(
      tx,
      changes.dialogs.map((dialog) => this.rowOf({ ...dialog, number: numberOf(dialog, numbers) })),
    );
    await insertStatusChanges(tx, changes.statusChanges);
    await insertResponseIntervals(tx, changes.responseIntervals);
    await upsertAssignmentResponses(tx, changes.assignmentResponses);
    if (changes.deleted.length > 0) {
      await deleteListedDialogs(
        tx,
        changes.deleted.map((tombstone) => tombstone.dialogId),
      );
      await dropDialogs(tx, changes.deleted);
    }
  }
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

/** A deleted line takes the dialogs that were in it as of the deletion. */
async function deleteDialogsOfLine(tx: ProjectionTransaction, deletion: LineDeletedFact): Promise<void> {
  const dialogIds = await deleteListedDialogsOfLine(tx, deletion.lineId, deletion.position);
  if (dialogIds.length === 0) return;
  await dropDialogs(
    tx,
    dialogIds.map((dialogId) => ({ dialogId, lineId: deletion.lineId, position: deletion.position, deletedAt: deletion.occurredAt })),
  );
}

/**
 * A dialog deleted, on its own or with its line, leaves the tables fed from the list's fold (the
 * list row is gone already); the events stay. The tombstones keep later (or replayed) events of
 * those dialogs from listing them again.
 */
async function dropDialogs(tx: ProjectionTransaction, tombstones: readonly DialogTombstone[]): Promise<void> {
  const dialogIds = tombstones.map((tombstone) => tombstone.dialogId);
  await deleteStatusChanges(tx, dialogIds);
  await deleteResponseIntervals(tx, dialogIds);
  await deleteAssignmentResponses(tx, dialogIds);
  await recordDeletedDialogs(tx, tombstones);
}
