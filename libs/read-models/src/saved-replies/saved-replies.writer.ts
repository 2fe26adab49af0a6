import { assertNever } from '@switchboard/dialogs';
import type { ProjectionTransaction } from '@switchboard/projections';
import type { SavedReplyFact } from './saved-reply.fact';
import { SAVED_REPLIES_TABLE } from './saved-replies.tables';

/**
 * Writes one fact. A reply changes a few times in its life, so a statement per fact costs
 * nothing worth batching; each is a no-op when the row already holds this position or a later one.
 */
export async function writeSavedReplyFact(tx: ProjectionTransaction, { event, position }: SavedReplyFact): Promise<void> {
  const at = position.toString();
  switch (event.type) {
    case 'SavedReplyCreated': {
      const { savedReplyId, scope, ownerId, lineId, title, text, createdBy, occurredAt } = event.data;
      await tx.query(
        `INSERT INTO ${SAVED_REPLIES_TABLE}
           (saved_reply_id, scope, owner_id, line_id, title, text, created_by, created_at, updated_at, last_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)
         ON CONFLICT (saved_reply_id) DO NOTHING`,
        [savedReplyId, scope, ownerId, lineId, title, text, createdBy, occurredAt, at],
      );
      return;
    }
    case 'SavedReplyEdited': {
      const { savedReplyId, lineId, title, text, occurredAt } = event.data;
      await tx.query(
        `UPDATE ${SAVED_REPLIES_TABLE} SET line_id = $2, title = $3, text = $4, updated_at = $5, last_position = $6
          WHERE saved_reply_id = $1 AND last_position < $6`,
        [savedReplyId, lineId, title, text, occurredAt, at],
      );
      return;
    }
    case 'SavedReplyDeleted':
      await tx.query(`UPDATE ${SAVED_REPLIES_TABLE} SET deleted_at = $2, last_position = $3 WHERE saved_reply_id = $1 AND last_position < $3`, [
        event.data.savedReplyId,
        event.data.occurredAt,
        at,
      ]);
      return;
    default:
      return assertNever(event);
  }
}
