import { prepared, type ProjectionTransaction } from '@switchboard/projections';
import { columnNames, deleteRowsOfDialogs, jsonRows, rowsFromJson, type Column } from '../shared/json-columns';
import type { AssignmentResponseRow } from './assignment-response.row';
import { ASSIGNMENT_RESPONSES_TABLE } from './assignment-responses.tables';

const columns: readonly Column<AssignmentResponseRow>[] = [
  ['dialog_id', 'text'],
  ['assignment_number', 'integer'],
  ['operator_id', 'text'],
  ['reason', 'text'],
  ['line_id', 'text'],
  ['assigned_at', 'timestamptz'],
  ['unassigned_at', 'timestamptz'],
  ['client_waiting_at', 'timestamptz'],
  ['first_response_at', 'timestamptz'],
  ['first_responder_id', 'text'],
  ['first_response_ms', 'bigint'],
  ['last_position', 'bigint'],
];

const replaced = columns.map(([name]) => name).filter((name) => name !== 'dialog_id' && name !== 'assignment_number');

/**
 * Writes the periods a batch changed. A period may change twice in one batch; the fold sends
 * each change in log order, so only the last of a key is kept (an upsert cannot touch a row
 * twice in one statement). A row already past a change (a batch applied again) keeps its values.
 */
export async function upsertAssignmentResponses(tx: ProjectionTransaction, rows: readonly AssignmentResponseRow[]): Promise<void> {
  const latest = [...new Map(rows.map((row) => [`${row.dialog_id}/${row.assignment_number}`, row])).values()];
  if (latest.length === 0) return;
  await tx.query(
    prepared(`INSERT INTO ${ASSIGNMENT_RESPONSES_TABLE} AS held (${columnNames(columns)}, day)
     SELECT ${columnNames(columns, 'r.')}, (r.first_response_at AT TIME ZONE 'UTC')::date FROM ${rowsFromJson(columns)}
     ON CONFLICT (dialog_id, assignment_number) DO UPDATE SET
       ${[...replaced, 'day'].map((name) => `${name} = excluded.${name}`).join(', ')}
     WHERE held.last_position < excluded.last_position`),
    [jsonRows(latest)],
  );
}

export const deleteAssignmentResponses = (tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<void> =>
  deleteRowsOfDialogs(tx, ASSIGNMENT_RESPONSES_TABLE, dialogIds);
