import { pageOf, type Page } from '../shared/page';
import { SqlParams, type ReadDatabase } from '../shared/read-database';
import type { ReadBack } from '../shared/read-back';
import type { AssignmentAuditRow } from '../../assignment-audit/assignment-audit.row';
import { timeRangeConditions } from '../shared/time-range';
import { encodeAssignmentAuditCursor } from './assignment-audit-cursor';
import type { AssignmentAuditView, ListAssignmentAuditQuery } from './list-assignment-audit.query';

/** The row, and its instant as PostgreSQL's own text too: the cursor keeps it to the microsecond. */
type AuditRow = ReadBack<AssignmentAuditRow> & Readonly<{ occurred_at_text: string }>;

/**
 * The assignment trail for auditors, by time then log position (unique, so every entry has
 * one place in the order and the keyset never skips or repeats one).
 */
export class ListAssignmentAuditHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(query: ListAssignmentAuditQuery): Promise<Page<AssignmentAuditView>> {
    const { order, limit, cursor } = query;
    if (cursor !== undefined && cursor.order !== order) throw new Error(`a cursor for ${cursor.order} cannot page ${order}`);
    const params = new SqlParams();
    const conditions: string[] = [];
    if (query.dialogId !== undefined) conditions.push(`a.dialog_id = ${params.add(query.dialogId, 'text')}`);
    if (query.operatorId !== undefined) {
      const operator = params.add(query.operatorId, 'text');
      conditions.push(`(a.from_operator_id = ${operator} OR a.to_operator_id = ${operator})`);
    }
    if (query.actorId !== undefined) conditions.push(`a.actor_id = ${params.add(query.actorId, 'text')}`);
    if (query.correlationId !== undefined) conditions.push(`a.correlation_id = ${params.add(query.correlationId, 'text')}`);
    conditions.push(...timeRangeConditions('a.occurred_at', query.occurred, params));
    if (cursor !== undefined) {
      const key = `(${params.add(cursor.occurredAt, 'timestamptz')}, ${params.add(cursor.position, 'bigint')})`;
      conditions.push(`(a.occurred_at, a.position) ${order === 'asc' ? '>' : '<'} ${key}`);
    }
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const rows = await this.db.query<AuditRow>(
      `SELECT a.dialog_id, a.position::text AS position, a.event_id, a.event_type, a.from_operator_id, a.to_operator_id,
              a.reason, a.actor_kind, a.actor_id, a.occurred_at, a.occurred_at::text AS occurred_at_text,
              a.correlation_id, a.causation_id
         FROM read_models.assignment_audit a
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY a.occurred_at ${direction}, a.position ${direction}
        LIMIT ${params.add(limit + 1, 'integer')}`,
      params.values,
    );
    return pageOf(rows, limit, auditViewOf, (row) => encodeAssignmentAuditCursor({ order, occurredAt: row.occurred_at_text, position: row.position }));
  }
}

function auditViewOf(row: AuditRow): AssignmentAuditView {
  return {
    dialogId: row.dialog_id,
    position: row.position,
    eventId: row.event_id,
    eventType: row.event_type,
    fromOperatorId: row.from_operator_id,
    toOperatorId: row.to_operator_id,
    reason: row.reason,
    actor: row.actor_kind === null || row.actor_id === null ? null : { kind: row.actor_kind, id: row.actor_id },
    occurredAt: row.occurred_at,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
  };
}
