import type { Actor } from '../shared/actor';
import { at, deciderSpec, iso, operatorActor, supervisorActor, systemActor } from '@switchboard/dialogs/testing';
import type { ReminderCommand } from './reminder.commands';
import { reminderDecider } from './reminder.decider';
import type { ReminderEvent } from './reminder.events';
import { MAX_REMINDER_NOTE, type ReminderFacts } from './reminder.values';

const openDialog: ReminderFacts = { dialog: 'open' };
const spec = deciderSpec(reminderDecider, openDialog);
const reminderId = '6a0c7c1e-2b1d-4c3a-9e8f-0a1b2c3d4e5f';
const dialogId = '1d0c7c1e-2b1d-4c3a-9e8f-0a1b2c3d4e5f';
const alice = operatorActor('op-alice');

const set = (dueAt: string, note: string | null = 'Call back about the refund', actor: Actor = alice): ReminderCommand => ({
  type: 'SetReminder',
  data: { reminderId, dialogId, dueAt, note },
  metadata: { actor, occurredAt: at(5) },
});
const complete = (actor: Actor = alice): ReminderCommand => ({ type: 'CompleteReminder', data: { reminderId }, metadata: { actor, occurredAt: at(70) } });
const cancel = (actor: Actor = alice): ReminderCommand => ({ type: 'CancelReminder', data: { reminderId }, metadata: { actor, occurredAt: at(70) } });
const wasSet: ReminderEvent = {
  type: 'ReminderSet',
  data: { reminderId, dialogId, operatorId: 'op-alice', dueAt: iso(65), note: null, occurredAt: iso(1) },
};

describe('reminder', () => {
  it('is set on an open dialog for a later instant, owned by whoever sets it, the instant in UTC', () => {
    spec
      .given([])
      .when(set('2024-03-01T12:05:00+02:00'))
      .then([
        { type: 'ReminderSet', data: { reminderId, dialogId, operatorId: 'op-alice', dueAt: iso(65), note: 'Call back about the refund', occurredAt: iso(5) } },
      ]);
    spec
      .given([])
      .when(set(iso(6), null, supervisorActor))
      .then([{ type: 'ReminderSet', data: { reminderId, dialogId, operatorId: 'sup-1', dueAt: iso(6), note: null, occurredAt: iso(5) } }]);
  });

  it.each([
    ['an instant that is not after now', iso(5), 'reminder_due_in_past'],
    ['an instant in the past', iso(1), 'reminder_due_in_past'],
    ['a date without a time', '2024-03-02', 'reminder_due_at_invalid'],
    ['an impossible date', '2024-02-30T10:00:00Z', 'reminder_due_at_invalid'],
    ['words', 'tomorrow', 'reminder_due_at_invalid'],
  ])('refuses %s', (_case, dueAt, code) => {
    spec.given([]).when(set(dueAt)).thenFails({ code, kind: 'invalid' });
  });

  it('refuses a note too long, a closed or missing dialog, and a second set under one id', () => {
    spec
      .given([])
      .when(set(iso(65), 'n'.repeat(MAX_REMINDER_NOTE + 1)))
      .thenFails({ code: 'reminder_note_too_long', kind: 'invalid' });
    spec
      .given([])
      .when(set(iso(65)), { dialog: 'closed' })
      .thenFails({ code: 'reminder_dialog_closed', kind: 'conflict' });
    spec
      .given([])
      .when(set(iso(65)), { dialog: 'missing' })
      .thenFails({ code: 'dialog_not_found', kind: 'not_found' });
    spec
      .given([wasSet])
      .when(set(iso(65)))
      .thenFails({ code: 'reminder_already_exists', kind: 'conflict' });
  });

  it('is completed or cancelled by its owner, once', () => {
    spec
      .given([wasSet])
      .when(complete())
      .then([{ type: 'ReminderCompleted', data: { reminderId, dialogId, occurredAt: iso(70) } }]);
    spec
      .given([wasSet])
      .when(cancel())
      .then([{ type: 'ReminderCancelled', data: { reminderId, dialogId, occurredAt: iso(70) } }]);
    const completed: ReminderEvent = { type: 'ReminderCompleted', data: { reminderId, dialogId, occurredAt: iso(66) } };
    spec.given([wasSet, completed]).when(cancel()).thenFails({ code: 'reminder_finished', kind: 'conflict' });
    spec.given([wasSet, completed]).when(complete()).thenFails({ code: 'reminder_finished', kind: 'conflict' });
  });

  it("is nobody else's to finish: another person is told it does not exist", () => {
    spec.given([wasSet]).when(complete(supervisorActor)).thenFails({ code: 'reminder_not_found', kind: 'not_found' });
    spec
      .given([wasSet])
      .when(cancel(operatorActor('op-bob')))
      .thenFails({ code: 'reminder_not_found', kind: 'not_found' });
    spec.given([]).when(cancel()).thenFails({ code: 'reminder_not_found', kind: 'not_found' });
  });

  it('refuses a deleted dialog as not found, naming the deletion', () => {
    spec
      .given([])
      .when(set(iso(65)), { dialog: 'deleted' })
      .thenFails({ code: 'dialog_deleted', kind: 'not_found' });
  });
});

describe('a reminder falling due', () => {
  const recordDue = (minute: number): ReminderCommand => ({
    type: 'RecordReminderDue',
    data: { reminderId },
    metadata: { actor: systemActor, occurredAt: at(minute) },
  });
  const fellDue: ReminderEvent = { type: 'DialogReminderDue', data: { reminderId, dialogId, operatorId: 'op-alice', dueAt: iso(65), occurredAt: iso(66) } };

  it('is recorded once its instant has passed, naming whom to remind', () => {
    spec.given([wasSet]).when(recordDue(66)).then([fellDue]);
    spec
      .given([wasSet])
      .when(recordDue(65))
      .then([{ ...fellDue, data: { ...fellDue.data, occurredAt: iso(65) } }]);
  });

  it('is recorded at most once, never early, and never for a finished or unknown reminder', () => {
    spec.given([wasSet, fellDue]).when(recordDue(70)).thenNothing();
    spec.given([wasSet]).when(recordDue(64)).thenNothing();
    const cancelled: ReminderEvent = { type: 'ReminderCancelled', data: { reminderId, dialogId, occurredAt: iso(30) } };
    spec.given([wasSet, cancelled]).when(recordDue(70)).thenNothing();
    spec.given([]).when(recordDue(70)).thenNothing();
  });

  it('leaves the reminder open for its owner to tick off', () => {
    spec
      .given([wasSet, fellDue])
      .when(complete())
      .then([{ type: 'ReminderCompleted', data: { reminderId, dialogId, occurredAt: iso(70) } }]);
  });
});

describe('a reminder on a dialog that closed or was deleted', () => {
  const withdraw: ReminderCommand = { type: 'CancelReminderOfClosedDialog', data: { reminderId }, metadata: { actor: systemActor, occurredAt: at(40) } };

  it('is cancelled by the system, whoever owns it, due or not', () => {
    const cancelled: ReminderEvent[] = [{ type: 'ReminderCancelled', data: { reminderId, dialogId, occurredAt: iso(40) } }];
    spec.given([wasSet]).when(withdraw).then(cancelled);
    const fellDue: ReminderEvent = { type: 'DialogReminderDue', data: { reminderId, dialogId, operatorId: 'op-alice', dueAt: iso(35), occurredAt: iso(36) } };
    spec.given([wasSet, fellDue]).when(withdraw).then(cancelled);
  });

  it('is left alone when already finished or unknown, so the reaction can run again', () => {
    const completed: ReminderEvent = { type: 'ReminderCompleted', data: { reminderId, dialogId, occurredAt: iso(30) } };
    spec.given([wasSet, completed]).when(withdraw).thenNothing();
    spec.given([]).when(withdraw).thenNothing();
  });
});
