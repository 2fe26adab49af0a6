import { Injectable } from '@nestjs/common';
import { noReminderFacts, reminderDecider, reminderStreamName, type ReminderCommand } from '@switchboard/dialogs';
import { DataSource } from 'typeorm';
import { commandMetadataOf } from '../dialog/command-metadata';
import type { RequestContext } from '../request-context';
import { StreamCommandRunner } from '../stream/stream-command-runner';
import { PeriodicSweep } from './periodic-sweep';

/**
 * The clock of reminders: every REMINDER_SWEEP_MS (default 5 s) it records DialogReminderDue
 * for each open reminder whose instant has passed, on the reminder's own stream. Runs in the
 * projector process, as the rating timeout does. Exactly once however many projectors sweep, and
 * across restarts: the append expects the stream's revision, so of two sweeps one records and
 * the other, deciding again on the stream as it now stands, finds it due already and records
 * nothing; the Idempotency-Key names the reminder, so a sweep retried after a lost answer is
 * recognised in the stream.
 */
@Injectable()
export class RecordDueReminders extends PeriodicSweep {
  readonly everyMs = reminderSweepMs();

  constructor(
    private readonly database: DataSource,
    private readonly runner: StreamCommandRunner,
  ) {
    super();
  }

  /** Records every reminder due by `now`, the instant the events say it was noticed; answers how many it looked at. */
  async sweep(now = new Date()): Promise<number> {
    const due: { reminder_id: string }[] = await this.database.query(
      `SELECT reminder_id FROM write_side.open_reminders WHERE NOT fell_due AND due_at <= $1 ORDER BY due_at LIMIT 500`,
      [now],
    );
    for (const { reminder_id: reminderId } of due) {
      const context: RequestContext = {
        actor: { kind: 'system', id: 'reminder-clock' },
        correlationId: `reminder-due:${reminderId}`,
        idempotencyKey: `reminder-due:${reminderId}`,
        occurredAt: now,
      };
      await this.runner.run({
        streamId: reminderStreamName(reminderId),
        decider: reminderDecider,
        context,
        command: (): ReminderCommand => ({ type: 'RecordReminderDue', data: { reminderId }, metadata: commandMetadataOf(context) }),
        facts: () => noReminderFacts,
      });
    }
    return due.length;
  }
}

function reminderSweepMs(): number {
  const raw = process.env.REMINDER_SWEEP_MS;
  const value = raw === undefined || raw === '' ? 5000 : Number(raw);
  if (!Number.isInteger(value) || value < 10) throw new Error(`REMINDER_SWEEP_MS must be a whole number of milliseconds, at least 10, got "${raw}"`);
  return value;
}
