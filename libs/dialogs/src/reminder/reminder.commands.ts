import type { Command, Request } from '../shared/command';

// dueAt is ISO 8601 text as the edge received it; the decider refuses one not after the command's time.
export type SetReminder = Command<'SetReminder', { reminderId: string; dialogId: string; dueAt: string; note: string | null }>;
export type CompleteReminder = Command<'CompleteReminder', { reminderId: string }>;
export type CancelReminder = Command<'CancelReminder', { reminderId: string }>;

export type ReminderCommand = SetReminder | CompleteReminder | CancelReminder;

export type ReminderRequest = Request<ReminderCommand>;
