import { prepared, type ProjectionTransaction } from '@switchboard/projections';
import type { BusinessTimingsState, DialogMetricsState, OpenedDialogSummary } from '../dialog-metrics';
import { jsonRows, rowsFromJson } from '../shared/json-columns';
import { sentColumns } from './dialog-list.columns';
import type { DialogListRow } from './dialog-list.row';
import type { ListedDialog } from './listed-dialog';

export const DIALOG_LIST_TABLE = 'dialog_list';
export const DIALOG_NUMBER_COUNTER = 'dialog_number';

const columns = sentColumns.filter(([name]) => name !== 'search_text').map(([name]) => name);
// A dialog keeps the number it got when it was first listed.
const replaced = columns.filter((name) => name !== 'dialog_id' && name !== 'number');

// Stripped vectors keep words without positions: they stay small however long a dialog runs,
// and appending a batch's words gives the same vector however the log was cut into batches.
// Positions would only serve phrase search, which the list does not offer.
const UPSERT_SQL = `
  INSERT INTO ${DIALOG_LIST_TABLE} AS listed (${columns.join(', ')}, search)
  SELECT ${columns.map((name) => `r.${name}`).join(', ')}, strip(to_tsvector('simple', r.search_text))
    FROM ${rowsFromJson(sentColumns)}
  ON CONFLICT (dialog_id) DO UPDATE SET
    ${replaced.map((name) => `${name} = excluded.${name}`).join(',\n    ')},
    search = listed.search || excluded.search`;

interface StoredRow {
  dialog_id: string;
  number: string;
  summary: string;
  metrics: string;
  last_position: string;
  business: string;
}

/** The listed dialogs among these ids, with the states their next events fold onto. */
export async function loadListedDialogs(tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<Map<string, ListedDialog>> {
  const listed = new Map<string, ListedDialog>();
  if (dialogIds.length === 0) return listed;
  const { rows } = await tx.query<StoredRow>(
    prepared(`SELECT dialog_id, number, summary, metrics, last_position, business FROM ${DIALOG_LIST_TABLE} WHERE dialog_id = ANY($1::text[])`),
    [dialogIds],
  );
  for (const row of rows) {
    listed.set(row.dialog_id, {
      dialogId: row.dialog_id,
      number: Number(row.number),
      summary: JSON.parse(row.summary) as OpenedDialogSummary,
      metrics: JSON.parse(row.metrics) as DialogMetricsState,
      lastPosition: BigInt(row.last_position),
      business: JSON.parse(row.business) as BusinessTimingsState,
    });
  }
  return listed;
}

/**
 * Takes the next `count` dialog numbers and answers the first. The counter row moves in the
 * batch's transaction, so a batch that rolls back gives its numbers back.
 */
export async function reserveDialogNumbers(tx: ProjectionTransaction, count: number): Promise<number> {
  const { rows } = await tx.query<{ value: string }>(prepared(`UPDATE counters SET value = value + $2 WHERE name = $1 RETURNING value`), [
    DIALOG_NUMBER_COUNTER,
    count,
  ]);
  return Number(rows[0].value) - count + 1;
}

export async function upsertDialogList(tx: ProjectionTransaction, rows: readonly DialogListRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(prepared(UPSERT_SQL), [jsonRows(rows)]);
}

/**
 * Removes the dialogs in the line as of the deletion, and answers their ids. Only events before
 * the deletion can have put a dialog there, which keeps a replayed deletion from reaching further.
 */
export async function deleteListedDialogsOfLine(tx: ProjectionTransaction, lineId: string, deletedAt: bigint): Promise<string[]> {
  const { rows } = await tx.query<{ dialog_id: string }>(`DELETE FROM ${DIALOG_LIST_TABLE} WHERE line_id = $1 AND last_position < $2 RETURNING dialog_id`, [
    lineId,
    deletedAt.toString(),
  ]);
  return rows.map((row) => row.dialog_id);
}

export async function deleteListedDialogs(tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<void> {
  await tx.query(`DELETE FROM ${DIALOG_LIST_TABLE} WHERE dialog_id = ANY($1::text[])`, [dialogIds]);
}

/** Empties the search vectors of these dialogs: an erasure leaves none of the client's words. */
export async function clearSearchWords(tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<void> {
  if (dialogIds.length === 0) return;
  await tx.query(`UPDATE ${DIALOG_LIST_TABLE} SET search = ''::tsvector WHERE dialog_id = ANY($1::text[])`, [dialogIds]);
}
