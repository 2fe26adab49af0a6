import type { Decider } from '../shared/decider';
import type { ReminderCommand } from './reminder.commands';
import { decideReminder } from './reminder.decide';
import type { ReminderEvent } from './reminder.events';
import { evolveReminder } from './reminder.evolve';
import { initialReminderState, type ReminderState } from './reminder.state';
import type { ReminderFacts } from './reminder.values';

export const reminderDecider: Decider<ReminderCommand, ReminderEvent, ReminderState, ReminderFacts> = {
  decide: decideReminder,
  evolve: evolveReminder,
  initialState: initialReminderState,
};
