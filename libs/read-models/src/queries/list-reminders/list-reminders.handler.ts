import type { Actor, ReminderStatus } from '@switchboard/dialogs';
import { SqlParams, type ReadDatabase } from '../shared/read-database';

export type ReminderView = Readonly<{
  reminderId: string;
  dialogId: string;
  dueAt: Date;
  note: string | null;
  status: ReminderStatus;
  setAt: Date;
  finishedAt: Date | null;
  /** When the log recorded it due (DialogReminderDue); null until then. */
  fellDueAt: Date | null;
}>;

export type ListRemindersQuery = Readonly<{
  viewer: Actor;
  dialogId?: string;
  status: ReminderStatus;
  /**
   * true: only those the log recorded due; false: only those it did not yet. "Due" is the
   * recorded fact, the one subscribers were told, so every reader agrees on it.
   */
  due?: boolean;
  limit: number;
}>;

type Row = Readonly<{
  reminder_id: string;
  dialog_id: string;
  due_at: Date;
  note: string | null;
  status: ReminderStatus;
  set_at: Date;
  finished_at: Date | null;
  fell_due_at: Date | null;
}>;

/** The viewer's own reminders, soonest due first: a reminder is one person's to-do, shown to nobody else. */
export class ListRemindersHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(query: ListRemindersQuery): Promise<readonly ReminderView[]> {
    const params = new SqlParams();
    const conditions = [`r.operator_id = ${params.add(query.viewer.id, 'text')}`, `r.status = ${params.add(query.status, 'text')}`];
    if (query.dialogId !== undefined) conditions.push(`r.dialog_id = ${params.add(query.dialogId, 'uuid')}`);
    if (query.due !== undefined) conditions.push(query.due ? 'r.fell_due_at IS NOT NULL' : 'r.fell_due_at IS NULL');
    const rows = await this.db.query<Row>(
      `SELECT r.reminder_id, r.dialog_id, r.due_at, r.note, r.status, r.set_at, r.finished_at, r.fell_due_at
         FROM read_models.reminders r
        WHERE ${conditions.join(' AND ')}
        ORDER BY r.due_at, r.reminder_id
        LIMIT ${params.add(query.limit, 'integer')}`,
      params.values,
    );
    return rows.map((row) => ({
      reminderId: row.reminder_id,
      dialogId: row.dialog_id,
      dueAt: row.due_at,
      note: row.note,
      status: row.status,
      setAt: row.set_at,
      finishedAt: row.finished_at,
      fellDueAt: row.fell_due_at,
    }));
  }
}
