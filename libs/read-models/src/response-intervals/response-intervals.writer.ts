import { prepared, type ProjectionTransaction } from '@switchboard/projections';
import { columnNames, deleteRowsOfDialogs, jsonRows, rowsFromJson, type Column } from '../shared/json-columns';
import type { ResponseIntervalRow } from './response-interval.row';

export const RESPONSE_INTERVALS_TABLE = 'response_intervals';

const columns: readonly Column<ResponseIntervalRow>[] = [
  ['dialog_id', 'text'],
  ['position', 'bigint'],
  ['event_id', 'uuid'],
  ['operator_id', 'text'],
  ['line_id', 'text'],
  ['started_at', 'timestamptz'],
  ['ended_at', 'timestamptz'],
  ['duration_ms', 'bigint'],
  ['assignee_id', 'text'],
  ['business_duration_ms', 'bigint'],
];

// Days are UTC days, whatever the session's time zone, so every reader groups alike.
export async function insertResponseIntervals(tx: ProjectionTransaction, rows: readonly ResponseIntervalRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    prepared(`INSERT INTO ${RESPONSE_INTERVALS_TABLE} (${columnNames(columns)}, day)
     SELECT ${columnNames(columns, 'r.')}, (r.ended_at AT TIME ZONE 'UTC')::date FROM ${rowsFromJson(columns)}
     ON CONFLICT DO NOTHING`),
    [jsonRows(rows)],
  );
}

export const deleteResponseIntervals = (tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<void> =>
  deleteRowsOfDialogs(tx, RESPONSE_INTERVALS_TABLE, dialogIds);
