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
  ReminderCancelled: { description: 'Its owner cancelled the reminder.', versions: { 1: reminderData() } },
};
