import type { Actor } from '@switchboard/dialogs';
import { isoAt, type SupportScript } from './support-script';

const owners: readonly Actor[] = [
  { kind: 'operator', id: 'op-alice' },
  { kind: 'supervisor', id: 'sup-1' },
  { kind: 'operator', id: 'op-bob' },
];

const clock: Actor = { kind: 'system', id: 'reminder-clock' };

/**
 * Reminders set, fallen due, completed and cancelled (by their owners and by the system), some
 * 400 events: enough for a projection to run in many batches.
 */
export async function writeReminderWorkload(script: SupportScript, reminders = 200): Promise<void> {
  for (let i = 0; i < reminders; i++) {
    const reminderId = `4e3d1e2a-0000-4000-8000-${i.toString().padStart(12, '0')}`;
    const dialogId = `4e3d1e2a-0000-4000-9000-${(i % 7).toString().padStart(12, '0')}`;
    const actor = owners[i % owners.length];
    const minute = 9000 + i * 2;
    await script.reminder(
      { type: 'SetReminder', data: { reminderId, dialogId, dueAt: isoAt(minute + 60), note: i % 2 === 0 ? `Call back ${i}` : null } },
      { actor, minute },
    );
    if (i % 3 === 1) await script.reminder({ type: 'CompleteReminder', data: { reminderId } }, { actor, minute: minute + 1 });
    if (i % 3 === 2) await script.reminder({ type: 'CancelReminder', data: { reminderId } }, { actor, minute: minute + 1 });
    if (i % 5 === 0) await script.reminder({ type: 'RecordReminderDue', data: { reminderId } }, { actor: clock, minute: minute + 61 });
    if (i % 10 === 0) await script.reminder({ type: 'CancelReminderOfClosedDialog', data: { reminderId } }, { actor: clock, minute: minute + 62 });
  }
}
