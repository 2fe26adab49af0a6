/**
 * One row per reminder, for "my reminders", the reminders shown on a dialog and the dialog
 * list's "a reminder of mine is due". status moves from open to completed or cancelled once;
 * fell_due_at is set when the log records DialogReminderDue; last_position makes every change
 * apply once. The index serves the usual read: one person's open reminders by due time.
 * Version 2: fell_due_at, and a deleted dialog's reminders dropped (deleted_dialogs keeps a
 * reminder of it set in a race with the deletion from coming back).
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
    fell_due_at   timestamptz,
    last_position bigint      NOT NULL
  )`,
  `CREATE INDEX reminders_open_by_owner ON reminders (operator_id, due_at) WHERE status = 'open'`,
  `CREATE INDEX reminders_due_by_dialog ON reminders (dialog_id, operator_id) WHERE status = 'open' AND fell_due_at IS NOT NULL`,
  `CREATE TABLE reminders_deleted_dialogs (dialog_id uuid PRIMARY KEY)`,
];

export const REMINDERS_TABLE = 'reminders';
export const REMINDERS_DELETED_DIALOGS_TABLE = 'reminders_deleted_dialogs';
