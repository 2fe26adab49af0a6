import type { LogFilter, RecordedEvent } from '@switchboard/event-store';
import type { ProjectionTransaction, ReadModelDefinition, VersionedProjection } from '@switchboard/projections';
import { inLogOrder } from '../facts/in-log-order';
import type { DialogFact } from '../facts/recorded-fact';
import { followDialogLines } from './dialog-lines.fold';
import { DialogLinesTable } from './dialog-lines.table';

/** A read model whose rows are single facts of a dialog (a message, an assignment): no fold. */
export interface DialogRowsModel<Row> {
  readonly table: string;
  readonly linesTable: string;
  readonly version: number;
  /** Creates `table` (`linesTable` is the projection's own, see dialogLinesDdl). */
  readonly ddl: readonly string[];
  rowOf(fact: DialogFact): Row | null;
  insert(tx: ProjectionTransaction, rows: readonly Row[]): Promise<void>;
  /** For a model that keeps personal fields (its filter takes erasures): shows these dialogs' as erased. */
  scrub?(tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<void>;
}

/**
 * Projects a DialogRowsModel: rows of live dialogs are inserted set-based and keyed by log
 * position (a batch applied twice inserts nothing), and a line deletion takes the rows of the
 * dialogs that were in the line. A model whose filter takes DialogDeleted drops a deleted
 * dialog's rows the same way; one whose filter leaves it out keeps them.
 */
export class DialogRowsProjection<Row> implements VersionedProjection {
  private readonly lines: DialogLinesTable;
  readonly readModel: ReadModelDefinition;

  constructor(
    readonly name: string,
    readonly filter: LogFilter,
    private readonly model: DialogRowsModel<Row>,
  ) {
    this.lines = new DialogLinesTable(model.linesTable);
    this.readModel = { version: model.version, tables: [model.table, model.linesTable], ddl: model.ddl };
  }

  async handle(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    await inLogOrder(events, {
      dialogFacts: async (facts) => {
        const dialogIds = [...new Set(facts.map((fact) => fact.dialogId))];
        const followed = followDialogLines(facts, await this.lines.load(tx, dialogIds));
        await this.lines.save(tx, followed.changed);
        await this.model.insert(
          tx,
          followed.live.flatMap((fact) => this.model.rowOf(fact) ?? []),
        );
        if (followed.deleted.length > 0) await this.deleteRows(tx, followed.deleted);
      },
      lineDeleted: async (deletion) => {
        const dialogIds = await this.lines.deleteLine(tx, deletion);
        if (dialogIds.length > 0) await this.deleteRows(tx, dialogIds);
      },
      clientDataErased: this.model.scrub && ((erasure) => this.model.scrub!(tx, erasure.dialogIds)),
    });
  }

  private async deleteRows(tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<void> {
    await tx.query(`DELETE FROM ${this.model.table} WHERE dialog_id = ANY($1::text[])`, [dialogIds]);
  }
}
