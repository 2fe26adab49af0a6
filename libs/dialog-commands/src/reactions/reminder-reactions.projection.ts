import { Injectable } from '@nestjs/common';
import { dialogDecider, dialogStreamName, noReminderFacts, reminderDecider, reminderStreamName, type ReminderCommand } from '@switchboard/dialogs';
import type { RecordedEvent } from '@switchboard/event-store';
import { commandMetadataOf } from '../dialog/command-metadata';
import type { RequestContext } from '../request-context';
import { StreamCommandRunner } from '../stream/stream-command-runner';
import type { ReactionTransaction } from './assignments.projection';

const WATCHED = ['ReminderSet', 'ReminderCompleted', 'ReminderCancelled', 'DialogReminderDue', 'DialogClosed', 'DialogClosedAsSpam', 'DialogDeleted'];

/**
 * Keeps which reminders are still open, when each falls due (RecordDueReminders reads it) and
 * on which dialog, and cancels a dialog's open reminders when it is closed, closed as spam or
 * deleted: each with its own ReminderCancelled, appended with the reminder stream's revision.
 * A reminder set while its dialog was closing (the two streams are written apart) is cancelled
 * as it is seen. The cancels are appended before the checkpoint commits: after a crash they run
 * again, and the reminder decider then records nothing, the reminder being cancelled already.
 */
@Injectable()
export class ReminderReactionsProjection {
  readonly name = 'write-side.reminders';
  readonly filter = { eventTypes: WATCHED };

  constructor(private readonly runner: StreamCommandRunner) {}

  async handle(events: readonly RecordedEvent[], tx: ReactionTransaction): Promise<void> {
    for (const event of events) {
      const reminderId = event.data.reminderId as string;
      switch (event.type) {
        case 'ReminderSet':
          await tx.query(`INSERT INTO write_side.open_reminders (reminder_id, dialog_id, due_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
            reminderId,
            event.data.dialogId,
            event.data.dueAt,
          ]);
          if (await this.dialogIsOver(event.data.dialogId as string)) await this.cancel([reminderId], event);
          break;
        case 'ReminderCompleted':
        case 'ReminderCancelled':
          await tx.query(`DELETE FROM write_side.open_reminders WHERE reminder_id = $1`, [reminderId]);
          break;
        case 'DialogReminderDue':
          await tx.query(`UPDATE write_side.open_reminders SET fell_due = true WHERE reminder_id = $1`, [reminderId]);
          break;
        case 'DialogClosed':
        case 'DialogClosedAsSpam':
        case 'DialogDeleted': {
          const { rows } = await tx.query<{ reminder_id: string }>(`SELECT reminder_id FROM write_side.open_reminders WHERE dialog_id = $1`, [
            event.data.dialogId,
          ]);
          await this.cancel(
            rows.map((row) => row.reminder_id),
            event,
          );
          break;
        }
      }
    }
  }

  private async dialogIsOver(dialogId: string): Promise<boolean> {
    const dialog = await this.runner.load(dialogStreamName(dialogId), dialogDecider);
    return dialog.exists && (dialog.deleted || dialog.status !== 'open');
  }

  private async cancel(reminderIds: readonly string[], cause: RecordedEvent): Promise<void> {
    const context: RequestContext = {
      actor: { kind: 'system', id: 'dialog-closed' },
      correlationId: String((cause.metadata as { correlationId?: string }).correlationId ?? cause.id),
      causationId: cause.id,
      idempotencyKey: `dialog-closed:${cause.id}`,
    };
    for (const reminderId of reminderIds) {
      await this.runner.run({
        streamId: reminderStreamName(reminderId),
        decider: reminderDecider,
        context,
        command: (): ReminderCommand => ({ type: 'CancelReminderOfClosedDialog', data: { reminderId }, metadata: commandMetadataOf(context) }),
        facts: () => noReminderFacts,
      });
    }
  }
}
