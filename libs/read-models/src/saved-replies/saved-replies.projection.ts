import { lineStreamCategory, savedReplyStreamCategory } from '@switchboard/dialogs';
import type { RecordedEvent } from '@switchboard/event-store';
import type { ProjectionTransaction, ReadModelDefinition, VersionedProjection } from '@switchboard/projections';
import { savedReplyEventTypes, savedReplyFactOf } from './saved-reply.fact';
import { savedRepliesDdl, SAVED_REPLIES_DELETED_LINES_TABLE, SAVED_REPLIES_TABLE } from './saved-replies.tables';
import { writeSavedReplyFact } from './saved-replies.writer';

/** The saved replies as they stand, for the list operators search while they answer; and the lines deleted, whose replies it hides. */
export class SavedRepliesProjection implements VersionedProjection {
  readonly name = 'read-models.saved-replies';
  readonly filter = { categories: [savedReplyStreamCategory, lineStreamCategory], eventTypes: [...savedReplyEventTypes, 'LineDeleted'] };
  readonly readModel: ReadModelDefinition = { version: 2, tables: [SAVED_REPLIES_TABLE, SAVED_REPLIES_DELETED_LINES_TABLE], ddl: savedRepliesDdl };

  async handle(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) {
      if (recorded.type === 'LineDeleted') {
        await tx.query(`INSERT INTO ${SAVED_REPLIES_DELETED_LINES_TABLE} (line_id, deleted_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          recorded.data.lineId,
          recorded.data.occurredAt,
        ]);
        continue;
      }
      const fact = savedReplyFactOf(recorded);
      if (fact !== null) await writeSavedReplyFact(tx, fact);
    }
  }
}
