import type { Event } from '../shared/event';

type ReminderFact<Type extends string, Data = unknown> = Event<Type, Data & { reminderId: string; dialogId: string; occurredAt: string }>;

// operatorId is whoever set it (an operator, supervisor or admin): the reminder is theirs alone.
export type ReminderSet = ReminderFact<'ReminderSet', { operatorId: string; dueAt: string; note: string | null }>;
export type ReminderCompleted = ReminderFact<'ReminderCompleted'>;
export type ReminderCancelled = ReminderFact<'ReminderCancelled'>;

export type ReminderEvent = ReminderSet | ReminderCompleted | ReminderCancelled;

export type ReminderEventType = ReminderEvent['type'];

export const reminderEventSchemaVersions: Readonly<Record<ReminderEventType, number>> = {
  ReminderSet: 1,
  ReminderCompleted: 1,
  ReminderCancelled: 1,
};
