import type { ProjectionTransaction } from '@switchboard/projections';
import { deleteRowsOfDialogs, insertFacts, type Column } from '../shared/json-columns';
import type { StatusChangeRow } from './status-change.row';

export const STATUS_HISTORY_TABLE = 'status_history';

const columns: readonly Column<StatusChangeRow>[] = [
  ['dialog_id', 'text'],
  ['position', 'bigint'],
  ['event_id', 'uuid'],
  ['event_type', 'text'],
  ['occurred_at', 'timestamptz'],
  ['actor_kind', 'text'],
  ['actor_id', 'text'],
  ['from_general_status', 'text'],
  ['to_general_status', 'text'],
  ['from_detailed_status', 'text'],
  ['to_detailed_status', 'text'],
];

export const insertStatusChanges = (tx: ProjectionTransaction, rows: readonly StatusChangeRow[]): Promise<void> =>
  insertFacts(tx, STATUS_HISTORY_TABLE, columns, rows);

export const deleteStatusChanges = (tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<void> =>
  deleteRowsOfDialogs(tx, STATUS_HISTORY_TABLE, dialogIds);
