import { ERASED } from '@switchboard/event-store';
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

/**
 * Messages and notes of these dialogs as a rebuild shows them once their client is erased: the
 * text and each attachment's name `[erased]`, a URL too unless it was null. The search vector
 * follows the text.
 */
export async function scrubDialogMessages(tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<void> {
  if (dialogIds.length === 0) return;
  await tx.query(
    `UPDATE ${DIALOG_MESSAGES_TABLE} SET
       text = $2,
       attachments = (
         SELECT coalesce(jsonb_agg(a || jsonb_build_object('name', $2::text)
                                     || CASE WHEN jsonb_typeof(a -> 'url') = 'string' THEN jsonb_build_object('url', $2::text) ELSE '{}'::jsonb END
                                   ORDER BY i), '[]'::jsonb)
           FROM jsonb_array_elements(attachments) WITH ORDINALITY AS t(a, i))
     WHERE dialog_id = ANY($1::text[]) AND kind IN ('message', 'note')`,
    [dialogIds, ERASED],
  );
}
