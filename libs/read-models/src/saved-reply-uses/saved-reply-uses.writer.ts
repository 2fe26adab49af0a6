import type { ProjectionTransaction } from '@switchboard/projections';
import { insertFacts, type Column } from '../shared/json-columns';
import type { SavedReplyUseRow } from './saved-reply-use.row';

export const SAVED_REPLY_USES_TABLE = 'saved_reply_uses';
export const SAVED_REPLY_USES_LINES_TABLE = 'saved_reply_uses_lines';

const columns: readonly Column<SavedReplyUseRow>[] = [
  ['dialog_id', 'text'],
  ['position', 'bigint'],
  ['saved_reply_id', 'uuid'],
  ['operator_id', 'text'],
  ['line_id', 'text'],
  ['used_at', 'timestamptz'],
];

export const insertSavedReplyUses = (tx: ProjectionTransaction, rows: readonly SavedReplyUseRow[]): Promise<void> =>
  insertFacts(tx, SAVED_REPLY_USES_TABLE, columns, rows);
