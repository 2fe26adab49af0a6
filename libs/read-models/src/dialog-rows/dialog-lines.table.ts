import { prepared, type ProjectionTransaction } from '@switchboard/projections';
import type { LineDeletedFact } from '../facts/recorded-fact';
import { jsonRows, rowsFromJson, type Column } from '../shared/json-columns';
import type { DialogLine } from './dialog-lines.fold';

interface LineRow {
  dialog_id: string;
  line_id: string;
  position: string;
  deleted: boolean;
}

const lineColumns: readonly Column<LineRow>[] = [
  ['dialog_id', 'text'],
  ['line_id', 'text'],
  ['position', 'bigint'],
  ['deleted', 'boolean'],
];

/**
 * A projection's own record of which line each dialog is in. Each projection keeps its own,
 * because projections move through the log independently: reading another's would make a line
 * deletion take different dialogs live and on a rebuild.
 */
export class DialogLinesTable {
  constructor(readonly table: string) {}

  async load(tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<Map<string, DialogLine>> {
    const { rows } = await tx.query<LineRow>(prepared(`SELECT dialog_id, line_id, position, deleted FROM ${this.table} WHERE dialog_id = ANY($1::text[])`), [
      dialogIds,
    ]);
    return new Map(rows.map((row) => [row.dialog_id, { lineId: row.line_id, position: BigInt(row.position), deleted: row.deleted }]));
  }

  async save(tx: ProjectionTransaction, changed: ReadonlyMap<string, DialogLine>): Promise<void> {
    if (changed.size === 0) return;
    const rows: LineRow[] = [...changed].map(([dialogId, line]) => ({
      dialog_id: dialogId,
      line_id: line.lineId,
      position: line.position.toString(),
      deleted: line.deleted,
    }));
    await tx.query(
      prepared(`INSERT INTO ${this.table} AS known (dialog_id, line_id, position, deleted)
       SELECT r.dialog_id, r.line_id, r.position, r.deleted FROM ${rowsFromJson(lineColumns)}
       ON CONFLICT (dialog_id) DO UPDATE SET line_id = excluded.line_id, position = excluded.position, deleted = excluded.deleted
        WHERE known.position < excluded.position AND NOT known.deleted`),
      [jsonRows(rows)],
    );
  }

  /** Marks the dialogs in the line as of the deletion as deleted, and answers their ids. */
  async deleteLine(tx: ProjectionTransaction, deletion: LineDeletedFact): Promise<string[]> {
    const { rows } = await tx.query<{ dialog_id: string }>(
      `UPDATE ${this.table} SET deleted = true
        WHERE line_id = $1 AND NOT deleted AND position < $2 RETURNING dialog_id`,
      [deletion.lineId, deletion.position.toString()],
    );
    return rows.map((row) => row.dialog_id);
  }
}
