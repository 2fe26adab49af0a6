import { identifier, instant, nullable, record, text, uuid, type EventSchemaEntry, type JsonSchema } from '../shared/json-schema';
import type { ReminderEventType } from './reminder.events';
import { MAX_REMINDER_NOTE } from './reminder.values';

const reminderData = (properties: Readonly<Record<string, JsonSchema>> = {}): JsonSchema =>
  record({ reminderId: uuid, dialogId: uuid, ...properties, occurredAt: instant });

export const reminderEventSchemas: Readonly<Record<ReminderEventType, EventSchemaEntry>> = {
  ReminderSet: {
    description: 'operatorId set a reminder on a dialog for dueAt, with an optional note; it is theirs alone.',
    versions: { 1: reminderData({ operatorId: identifier, dueAt: instant, note: nullable({ ...text, maxLength: MAX_REMINDER_NOTE }) }) },
  },
  ReminderCompleted: { description: 'Its owner ticked the reminder off.', versions: { 1: reminderData() } },
  ReminderCancelled: {
    description: 'The reminder was cancelled: by its owner, or by the system (actor kind system) when its dialog was closed or deleted.',
    versions: { 1: reminderData() },
  },
  DialogReminderDue: {
    description: 'The reminder operatorId set fell due: its dueAt has passed, and it is still open. Recorded once, by the projector.',
    versions: { 1: reminderData({ operatorId: identifier, dueAt: instant }) },
  },
};
