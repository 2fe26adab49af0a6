import type { ProjectionTransaction } from '@switchboard/projections';
import { insertFacts, type Column } from '../shared/json-columns';
import type { DialogMessageRow } from './dialog-message.row';

export const DIALOG_MESSAGES_TABLE = 'dialog_messages';
export const DIALOG_MESSAGES_LINES_TABLE = 'dialog_messages_lines';

const columns: readonly Column<DialogMessageRow>[] = [
  ['dialog_id', 'text'],
  ['position', 'bigint'],
  ['event_id', 'uuid'],
  ['kind', 'text'],
  ['item_id', 'text'],
  ['author_kind', 'text'],
  ['author_id', 'text'],
  ['text', 'text'],
  ['attachments', 'jsonb'],
  ['action', 'text'],
  ['actor_kind', 'text'],
  ['actor_id', 'text'],
  ['operator_id', 'text'],
  ['previous_operator_id', 'text'],
  ['from_line_id', 'text'],
  ['to_line_id', 'text'],
  ['reason', 'text'],
  ['occurred_at', 'timestamptz'],
];

export const insertDialogMessages = (tx: ProjectionTransaction, rows: readonly DialogMessageRow[]): Promise<void> =>
  insertFacts(tx, DIALOG_MESSAGES_TABLE, columns, rows);
