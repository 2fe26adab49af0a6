import { assertNever } from '../shared/assert-never';
import type { ReminderEvent } from './reminder.events';
import type { ReminderState } from './reminder.state';

export function evolveReminder(state: ReminderState, event: ReminderEvent): ReminderState {
  switch (event.type) {
    case 'ReminderSet': {
      const { reminderId, dialogId, operatorId, dueAt } = event.data;
      return { exists: true, reminderId, dialogId, operatorId, status: 'open', dueAt, fellDue: false };
    }
    case 'ReminderCompleted':
      return state.exists ? { ...state, status: 'completed' } : state;
    case 'ReminderCancelled':
      return state.exists ? { ...state, status: 'cancelled' } : state;
    case 'DialogReminderDue':
      return state.exists ? { ...state, fellDue: true } : state;
    default:
      return assertNever(event);
  }
}
