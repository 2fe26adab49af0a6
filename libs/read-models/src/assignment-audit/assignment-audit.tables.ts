import { dialogLinesDdl } from '../dialog-rows/dialog-lines.tables';

/**
 * One row per assignment and unassignment, for auditors. The key serves "the trail of a dialog";
 * the other indexes serve the trail of an operator (as the one who lost or got the dialog), of
 * an actor, of one request (correlation id), and of a period, each newest first over a range.
 */
export const assignmentAuditDdl: readonly string[] = [
  `CREATE TABLE assignment_audit (
    dialog_id        text        NOT NULL,
    position         bigint      NOT NULL,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL CHECK (event_type IN ('OperatorAssigned', 'OperatorUnassigned')),
    from_operator_id text,
    to_operator_id   text,
    reason           text        NOT NULL,
    actor_kind       text,
    actor_id         text,
    occurred_at      timestamptz NOT NULL,
    correlation_id   text,
    causation_id     text,
    PRIMARY KEY (dialog_id, position)
  )`,
  `CREATE INDEX assignment_audit_from_operator ON assignment_audit (from_operator_id, occurred_at)`,
  `CREATE INDEX assignment_audit_to_operator ON assignment_audit (to_operator_id, occurred_at)`,
  `CREATE INDEX assignment_audit_actor ON assignment_audit (actor_id, actor_kind, occurred_at)`,
  `CREATE INDEX assignment_audit_correlation ON assignment_audit (correlation_id)`,
  `CREATE INDEX assignment_audit_occurred_at ON assignment_audit (occurred_at)`,
  ...dialogLinesDdl('assignment_audit_lines'),
];
