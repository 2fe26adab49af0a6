import { ListAssignmentAuditHandler } from '../list-assignment-audit/list-assignment-audit.handler';
import { assignmentAuditCsvColumns } from '../list-assignment-audit/assignment-audit.csv';
import type { AssignmentAuditCursor } from '../list-assignment-audit/assignment-audit-cursor';
import { assignmentAuditPages } from '../list-assignment-audit/assignment-audit-pages';
import type { AssignmentAuditView } from '../list-assignment-audit/list-assignment-audit.query';
import { SqlParams, type ReadDatabase } from '../shared/read-database';
import { timeRangeConditions } from '../shared/time-range';
import { ExportResumeError, timeColumnOf, type TableExport, type WrittenRecord } from './table-export';

/**
 * The assignment trail, oldest first, paged by the audit query itself (time, then log position),
 * so the export and GET /audit/assignments agree row for row.
 */
export function assignmentAuditExport(db: ReadDatabase): TableExport<AssignmentAuditView> {
  const audit = new ListAssignmentAuditHandler(db);
  const timeColumns = ['occurred_at'];

  // The cursor needs the time as PostgreSQL prints it (microseconds); the file has milliseconds.
  async function cursorAfter(record: WrittenRecord): Promise<AssignmentAuditCursor> {
    const { dialog_id: dialogId, position } = record;
    if (!dialogId || !position) throw new ExportResumeError('the last written row has no dialog_id or position');
    const rows = await db.query<{ at: string }>(
      `SELECT occurred_at::text AS at FROM read_models.assignment_audit WHERE dialog_id = $1 AND position = $2::bigint`,
      [dialogId, position],
    );
    if (rows.length === 0)
      throw new ExportResumeError(`the last written entry (dialog ${dialogId}, position ${position}) is no longer in the audit; start the export again`);
    return { order: 'asc', occurredAt: rows[0].at, position };
  }

  return {
    name: 'assignment-audit',
    columns: assignmentAuditCsvColumns,
    timeColumns,
    async count(options) {
      const params = new SqlParams();
      const conditions = timeRangeConditions(timeColumnOf(timeColumns, options.timeColumn), options.range, params);
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = await db.query<{ n: string }>(`SELECT count(*) AS n FROM read_models.assignment_audit ${where}`, params.values);
      return Number(rows[0].n);
    },
    async *pages(options) {
      timeColumnOf(timeColumns, options.timeColumn);
      const cursor = options.after === undefined ? undefined : await cursorAfter(options.after);
      yield* assignmentAuditPages(audit, { order: 'asc', limit: options.pageSize, occurred: options.range, cursor });
    },
  };
}
