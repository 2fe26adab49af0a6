import type { Actor } from '../shared/actor';
import { assertNever } from '../shared/assert-never';
import { occurredAtOf } from '../shared/occurred-at';
import type { ReminderCommand, SetReminder } from './reminder.commands';
import { reminderErrors } from './reminder.errors';
import type { ReminderEvent } from './reminder.events';
import type { ExistingReminderState, ReminderState } from './reminder.state';
import { MAX_REMINDER_NOTE, type ReminderFacts } from './reminder.values';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

// Date would roll 30 February over into March; an instant nobody can have meant is refused instead.
function instantOf(text: string): Date | null {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return null;
  const [year, month, day] = match.slice(1, 4).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const instant = new Date(text);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && !Number.isNaN(instant.getTime()) ? instant : null;
}

export function decideReminder(command: ReminderCommand, state: ReminderState, facts: ReminderFacts): ReminderEvent[] {
  const occurredAt = occurredAtOf(command);
  switch (command.type) {
    case 'SetReminder':
      return setReminder(command, state, facts, occurredAt);
    case 'CompleteReminder': {
      const { reminderId, dialogId } = requireOpen(state, command.data.reminderId, command.metadata.actor);
      return [{ type: 'ReminderCompleted', data: { reminderId, dialogId, occurredAt } }];
    }
    case 'CancelReminder': {
      const { reminderId, dialogId } = requireOpen(state, command.data.reminderId, command.metadata.actor);
      return [{ type: 'ReminderCancelled', data: { reminderId, dialogId, occurredAt } }];
    }
    // The system's two: each records at most once and nothing when there is nothing left to do,
    // so a retry, a restart or a second projector running the same reaction changes nothing.
    case 'RecordReminderDue': {
      if (!state.exists || state.status !== 'open' || state.fellDue || Date.parse(state.dueAt) > Date.parse(occurredAt)) return [];
      const { reminderId, dialogId, operatorId, dueAt } = state;
      return [{ type: 'DialogReminderDue', data: { reminderId, dialogId, operatorId, dueAt, occurredAt } }];
    }
    case 'CancelReminderOfClosedDialog':
      if (!state.exists || state.status !== 'open') return [];
      return [{ type: 'ReminderCancelled', data: { reminderId: state.reminderId, dialogId: state.dialogId, occurredAt } }];
    default:
      return assertNever(command);
  }
}

function setReminder(command: SetReminder, state: ReminderState, facts: ReminderFacts, occurredAt: string): ReminderEvent[] {
  const { reminderId, dialogId, dueAt, note } = command.data;
  if (state.exists) throw reminderErrors.alreadyExists(reminderId);
  if (facts.dialog === 'missing') throw reminderErrors.dialogNotFound(dialogId);
  if (facts.dialog === 'deleted') throw reminderErrors.dialogDeleted(dialogId);
  if (facts.dialog === 'closed') throw reminderErrors.dialogClosed(dialogId);
  const due = instantOf(dueAt);
  if (due === null) throw reminderErrors.dueAtInvalid();
  // Judged against the command's own time, so a replay decides alike.
  if (due.getTime() <= Date.parse(occurredAt)) throw reminderErrors.dueInPast();
  if (note !== null && note.length > MAX_REMINDER_NOTE) throw reminderErrors.noteTooLong(MAX_REMINDER_NOTE);
  const operatorId = command.metadata.actor.id;
  return [{ type: 'ReminderSet', data: { reminderId, dialogId, operatorId, dueAt: due.toISOString(), note, occurredAt } }];
}

// Someone else's reminder answers not_found: it is its owner's private to-do.
function requireOpen(state: ReminderState, reminderId: string, actor: Actor): ExistingReminderState {
  if (!state.exists || state.operatorId !== actor.id) throw reminderErrors.notFound(reminderId);
  if (state.status !== 'open') throw reminderErrors.finished(reminderId, state.status);
  return state;
}
