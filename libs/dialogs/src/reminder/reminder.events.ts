import type { Event } from '../shared/event';

type ReminderFact<Type extends string, Data = unknown> = Event<Type, Data & { reminderId: string; dialogId: string; occurredAt: string }>;

// operatorId is whoever set it (an operator, supervisor or admin): the reminder is theirs alone.
export type ReminderSet = ReminderFact<'ReminderSet', { operatorId: string; dueAt: string; note: string | null }>;
export type ReminderCompleted = ReminderFact<'ReminderCompleted'>;
// Its owner cancelled it, or the system did when its dialog was closed or deleted (the actor says which).
export type ReminderCancelled = ReminderFact<'ReminderCancelled'>;
// Recorded by the projector's clock once dueAt has passed, once: what subscribers are told, and
// what "due" means to every reader. Whom to remind and of what instant ride along.
export type DialogReminderDue = ReminderFact<'DialogReminderDue', { operatorId: string; dueAt: string }>;

export type ReminderEvent = ReminderSet | ReminderCompleted | ReminderCancelled | DialogReminderDue;

export type ReminderEventType = ReminderEvent['type'];

export const reminderEventSchemaVersions: Readonly<Record<ReminderEventType, number>> = {
  ReminderSet: 1,
  ReminderCompleted: 1,
  ReminderCancelled: 1,
  DialogReminderDue: 1,
};
