import {
  assertNever,
  clientStreamCategory,
  dialogStreamCategory,
  reminderEventSchemaVersions,
  reminderStreamCategory,
  type ClientDataErased,
  type DialogDeleted,
  type ReminderEvent,
} from '@switchboard/dialogs';
import { ERASED, type RecordedEvent } from '@switchboard/event-store';
import type { ProjectionTransaction, ReadModelDefinition, VersionedProjection } from '@switchboard/projections';
import { remindersDdl, REMINDERS_DELETED_DIALOGS_TABLE, REMINDERS_TABLE } from './reminders.tables';

const reminderEventTypes = Object.keys(reminderEventSchemaVersions) as ReminderEvent['type'][];

/** Each reminder as it stands: open until its owner completes or cancels it; gone with its deleted dialog; its note erased with the client. */
export class RemindersProjection implements VersionedProjection {
  readonly name = 'read-models.reminders';
  readonly filter = {
    categories: [reminderStreamCategory, dialogStreamCategory, clientStreamCategory],
    eventTypes: [...reminderEventTypes, 'DialogDeleted', 'ClientDataErased'],
  };
  readonly readModel: ReadModelDefinition = { version: 2, tables: [REMINDERS_TABLE, REMINDERS_DELETED_DIALOGS_TABLE], ddl: remindersDdl };

  async handle(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) {
      const position = recorded.position.toString();
      // The write side validated every payload against its type before appending it.
      if (recorded.type === 'DialogDeleted') await dropDialog(tx, recorded.data as unknown as DialogDeleted['data']);
      else if (recorded.type === 'ClientDataErased') await eraseNotes(tx, recorded.data as unknown as ClientDataErased['data']);
      else if (isReminderEvent(recorded)) await apply(tx, { type: recorded.type, data: recorded.data } as unknown as ReminderEvent, position);
    }
  }
}

const isReminderEvent = (recorded: RecordedEvent): boolean =>
  (reminderEventTypes as readonly string[]).includes(recorded.type) && typeof recorded.data.reminderId === 'string';

/** A reminder changes a few times at most, so one statement a fact; each is a no-op when already applied. */
async function apply(tx: ProjectionTransaction, event: ReminderEvent, position: string): Promise<void> {
  switch (event.type) {
    case 'ReminderSet': {
      const { reminderId, dialogId, operatorId, dueAt, note, occurredAt } = event.data;
      await tx.query(
        `INSERT INTO ${REMINDERS_TABLE} (reminder_id, dialog_id, operator_id, due_at, note, status, set_at, last_position)
         SELECT $1, $2, $3, $4, $5, 'open', $6, $7
          WHERE NOT EXISTS (SELECT 1 FROM ${REMINDERS_DELETED_DIALOGS_TABLE} WHERE dialog_id = $2)
         ON CONFLICT (reminder_id) DO NOTHING`,
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
    case 'DialogReminderDue':
      await tx.query(`UPDATE ${REMINDERS_TABLE} SET fell_due_at = $2, last_position = $3 WHERE reminder_id = $1 AND last_position < $3`, [
        event.data.reminderId,
        event.data.occurredAt,
        position,
      ]);
      return;
    default:
      return assertNever(event);
  }
}

async function dropDialog(tx: ProjectionTransaction, { dialogId }: DialogDeleted['data']): Promise<void> {
  await tx.query(`INSERT INTO ${REMINDERS_DELETED_DIALOGS_TABLE} (dialog_id) VALUES ($1) ON CONFLICT DO NOTHING`, [dialogId]);
  await tx.query(`DELETE FROM ${REMINDERS_TABLE} WHERE dialog_id = $1`, [dialogId]);
}

// A note erased by a rebuild reads `[erased]`; a reminder set later, under the client's new key, is left as it is.
async function eraseNotes(tx: ProjectionTransaction, { dialogIds }: ClientDataErased['data']): Promise<void> {
  await tx.query(`UPDATE ${REMINDERS_TABLE} SET note = $2 WHERE dialog_id = ANY($1::uuid[]) AND note IS NOT NULL`, [dialogIds, ERASED]);
}
