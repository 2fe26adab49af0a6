import type { ProjectionTransaction } from '@switchboard/projections';
import { insertFacts, type Column } from '../shared/json-columns';
import type { AssignmentAuditRow } from './assignment-audit.row';

export const ASSIGNMENT_AUDIT_TABLE = 'assignment_audit';
export const ASSIGNMENT_AUDIT_LINES_TABLE = 'assignment_audit_lines';

const columns: readonly Column<AssignmentAuditRow>[] = [
  ['dialog_id', 'text'],
  ['position', 'bigint'],
  ['event_id', 'uuid'],
  ['event_type', 'text'],
  ['from_operator_id', 'text'],
  ['to_operator_id', 'text'],
  ['reason', 'text'],
  ['actor_kind', 'text'],
  ['actor_id', 'text'],
  ['occurred_at', 'timestamptz'],
  ['correlation_id', 'text'],
  ['causation_id', 'text'],
];

export const insertAssignmentAudit = (tx: ProjectionTransaction, rows: readonly AssignmentAuditRow[]): Promise<void> =>
  insertFacts(tx, ASSIGNMENT_AUDIT_TABLE, columns, rows);
