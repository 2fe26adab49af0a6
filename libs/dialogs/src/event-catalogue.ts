import { clientEventSchemaVersions, type ClientEvent } from './client/client.events';
import { dialogEventSchemaVersions, type DialogEvent } from './dialog/dialog.events';
import { lineEventSchemaVersions, type LineEvent } from './line/line.events';
import { operatorEventSchemaVersions, type OperatorEvent } from './operator/operator.events';
import { reminderEventSchemaVersions, type ReminderEvent } from './reminder/reminder.events';
import { savedReplyEventSchemaVersions, type SavedReplyEvent } from './saved-reply/saved-reply.events';

export type SwitchboardEvent = DialogEvent | OperatorEvent | LineEvent | SavedReplyEvent | ReminderEvent | ClientEvent;

export type EventType = SwitchboardEvent['type'];

// Serialisation stamps each stored event with this version; an upcaster is due whenever a
// number here goes up.
export const eventSchemaVersions: Readonly<Record<EventType, number>> = {
  ...dialogEventSchemaVersions,
  ...operatorEventSchemaVersions,
  ...lineEventSchemaVersions,
  ...savedReplyEventSchemaVersions,
  ...reminderEventSchemaVersions,
  ...clientEventSchemaVersions,
};

export const eventTypes = Object.keys(eventSchemaVersions) as readonly EventType[];

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventSchemaVersions, type);
