import { savedReplyStreamCategory } from '@switchboard/dialogs';
import type { RecordedEvent } from '@switchboard/event-store';
import type { ProjectionTransaction, ReadModelDefinition, VersionedProjection } from '@switchboard/projections';
import { savedReplyEventTypes, savedReplyFactOf } from './saved-reply.fact';
import { savedRepliesDdl, SAVED_REPLIES_TABLE } from './saved-replies.tables';
import { writeSavedReplyFact } from './saved-replies.writer';

/** The saved replies as they stand, for the list operators search while they answer. */
export class SavedRepliesProjection implements VersionedProjection {
  readonly name = 'read-models.saved-replies';
  readonly filter = { categories: [savedReplyStreamCategory], eventTypes: [...savedReplyEventTypes] };
  readonly readModel: ReadModelDefinition = { version: 1, tables: [SAVED_REPLIES_TABLE], ddl: savedRepliesDdl };

  async handle(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) {
      const fact = savedReplyFactOf(recorded);
      if (fact !== null) await writeSavedReplyFact(tx, fact);
    }
  }
}
