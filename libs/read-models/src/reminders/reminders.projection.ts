import { assertNever, reminderEventSchemaVersions, reminderStreamCategory, type ReminderEvent } from '@switchboard/dialogs';
import type { RecordedEvent } from '@switchboard/event-store';
import type { ProjectionTransaction, ReadModelDefinition, VersionedProjection } from '@switchboard/projections';
import { remindersDdl, REMINDERS_TABLE } from './reminders.tables';

const reminderEventTypes = Object.keys(reminderEventSchemaVersions) as ReminderEvent['type'][];

/** Each reminder as it stands: open until its owner completes or cancels it. */
export class RemindersProjection implements VersionedProjection {
  readonly name = 'read-models.reminders';
  readonly filter = { categories: [reminderStreamCategory], eventTypes: reminderEventTypes };
  readonly readModel: ReadModelDefinition = { version: 1, tables: [REMINDERS_TABLE], ddl: remindersDdl };

  async handle(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) {
      if (!(reminderEventTypes as readonly string[]).includes(recorded.type) || typeof recorded.data.reminderId !== 'string') continue;
      // The write side validated the payload against this type before appending it.
      await apply(tx, { type: recorded.type, data: recorded.data } as unknown as ReminderEvent, recorded.position.toString());
    }
  }
}

/** A reminder changes twice at most, so one statement a fact; each is a no-op when already applied. */
async function apply(tx: ProjectionTransaction, event: ReminderEvent, position: string): Promise<void> {
  switch (event.type) {
    case 'ReminderSet': {
      const { reminderId, dialogId, operatorId, dueAt, note, occurredAt } = event.data;
      await tx.query(
        `INSERT INTO ${REMINDERS_TABLE} (reminder_id, dialog_id, operator_id, due_at, note, status, set_at, last_position)
         VALUES ($1, $2, $3, $4, $5, 'open', $6, $7) ON CONFLICT (reminder_id) DO NOTHING`,
        [reminderId, dialogId, operatorId, dueAt, note, occurredAt, position],
      );
      return;
    }
    case 'ReminderCompleted':
    case 'ReminderCancelled':
      await tx.query(`UPDATE ${REMINDERS_TABLE} SET status = $2, finished_at = $3, last_position = $4 WHERE reminder_id = $1 AND last_position < $4`, [
        event.data.reminderId,
        event.type === 'ReminderCompleted' ? 'completed' : 'cancelled',
        event.data.occurredAt,
        position,
      ]);
      return;
    default:
      return assertNever(event);
  }
}
