import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The write side's own view of the reminders still open: which fall due when (for the clock
 * that records DialogReminderDue), and which belong to a dialog (for cancelling them when it
 * closes or is deleted).
 */
export class TrackOpenReminders1763701000100 implements MigrationInterface {
  name = 'TrackOpenReminders1763701000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE write_side.open_reminders (
        reminder_id uuid        PRIMARY KEY,
        dialog_id   uuid        NOT NULL,
        due_at      timestamptz NOT NULL,
        fell_due    boolean     NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX open_reminders_dialog ON write_side.open_reminders (dialog_id)`);
    await q.query(`CREATE INDEX open_reminders_due ON write_side.open_reminders (due_at) WHERE NOT fell_due`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE write_side.open_reminders`);
  }
}
