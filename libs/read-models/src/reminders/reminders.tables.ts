/**
 * One row per reminder, for "my reminders" and the reminders shown on a dialog. status moves
 * from open to completed or cancelled once; last_position makes every change apply once. The
 * index serves the usual read: one person's open reminders by due time.
 */
export const remindersDdl: readonly string[] = [
  `CREATE TABLE reminders (
    reminder_id   uuid        PRIMARY KEY,
    dialog_id     uuid        NOT NULL,
    operator_id   text        NOT NULL,
    due_at        timestamptz NOT NULL,
    note          text,
    status        text        NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
    set_at        timestamptz NOT NULL,
    finished_at   timestamptz,
    last_position bigint      NOT NULL
  )`,
  `CREATE INDEX reminders_open_by_owner ON reminders (operator_id, due_at) WHERE status = 'open'`,
];

export const REMINDERS_TABLE = 'reminders';
