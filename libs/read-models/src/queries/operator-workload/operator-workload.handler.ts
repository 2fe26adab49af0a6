import type { Actor, DetailedStatus } from '@switchboard/dialogs';
import { SqlParams, type ReadDatabase } from '../shared/read-database';

/** The detailed statuses of an open dialog: the columns of the workload. */
export const openDetailedStatuses = [
  'new',
  'queued',
  'in_work',
  'client_waiting',
  'client_waiting_new_question',
  'operator_answered',
] as const satisfies readonly DetailedStatus[];

export type OpenDetailedStatus = (typeof openDetailedStatuses)[number];

export type OperatorWorkload = Readonly<{
  operatorId: string;
  /** Open dialogs assigned to the operator. */
  open: number;
  byStatus: Readonly<Record<OpenDetailedStatus, number>>;
}>;

export type OperatorWorkloadQuery = Readonly<{ viewer: Actor; lineIds?: readonly string[] }>;

type CountRow = Readonly<{ operator_id: string; detailed_status: OpenDetailedStatus; count: number }>;

/**
 * Open dialogs per assigned operator and detailed status, from the dialog list ("active" in the
 * journal: open and assigned; the list keeps a partial index for exactly this). An operator gets
 * their own row only, with zeros when they hold nothing; the others get a row per operator who
 * holds at least one open dialog, by operator id.
 */
export class OperatorWorkloadHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(query: OperatorWorkloadQuery): Promise<readonly OperatorWorkload[]> {
    const params = new SqlParams();
    const conditions = [`d.journal_status = 'active'`];
    const ownOnly = query.viewer.kind === 'operator';
    if (ownOnly) conditions.push(`d.assignee_id = ${params.add(query.viewer.id, 'text')}`);
    if (query.lineIds !== undefined && query.lineIds.length > 0) conditions.push(`d.line_id = ANY(${params.add(query.lineIds, 'text[]')})`);
    const rows = await this.db.query<CountRow>(
      `SELECT d.assignee_id AS operator_id, d.detailed_status, count(*)::integer AS count
         FROM read_models.dialog_list d
        WHERE ${conditions.join(' AND ')}
        GROUP BY d.assignee_id, d.detailed_status`,
      params.values,
    );
    const byOperator = new Map<string, Record<OpenDetailedStatus, number>>();
    if (ownOnly) byOperator.set(query.viewer.id, zeros());
    for (const row of rows) {
      const counts = byOperator.get(row.operator_id) ?? zeros();
      counts[row.detailed_status] = row.count;
      byOperator.set(row.operator_id, counts);
    }
    return [...byOperator.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([operatorId, byStatus]) => ({ operatorId, open: sum(byStatus), byStatus }));
  }
}

const zeros = (): Record<OpenDetailedStatus, number> =>
  Object.fromEntries(openDetailedStatuses.map((status) => [status, 0])) as Record<OpenDetailedStatus, number>;

const sum = (counts: Readonly<Record<OpenDetailedStatus, number>>): number => Object.values(counts).reduce((a, b) => a + b, 0);
