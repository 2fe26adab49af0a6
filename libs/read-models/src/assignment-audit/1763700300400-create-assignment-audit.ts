import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per assignment and unassignment, for auditors. The key serves "the trail of a dialog";
 * the other indexes serve the trail of an operator (as the one who lost or got the dialog), of
 * an actor, of one request (correlation id), and of a period, each newest first over a range.
 */
export class CreateAssignmentAudit1763700300400 implements MigrationInterface {
  name = 'CreateAssignmentAudit1763700300400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.assignment_audit (
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
      )`);
    // The projection's own record of each dialog's line, for line deletions.
    await q.query(`
      CREATE TABLE read_models.assignment_audit_lines (
        dialog_id text    PRIMARY KEY,
        line_id   text    NOT NULL,
        position  bigint  NOT NULL,
        deleted   boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX assignment_audit_lines_line ON read_models.assignment_audit_lines (line_id) WHERE NOT deleted`);
    await q.query(`CREATE INDEX assignment_audit_from_operator ON read_models.assignment_audit (from_operator_id, occurred_at)`);
    await q.query(`CREATE INDEX assignment_audit_to_operator ON read_models.assignment_audit (to_operator_id, occurred_at)`);
    await q.query(`CREATE INDEX assignment_audit_actor ON read_models.assignment_audit (actor_id, actor_kind, occurred_at)`);
    await q.query(`CREATE INDEX assignment_audit_correlation ON read_models.assignment_audit (correlation_id)`);
    await q.query(`CREATE INDEX assignment_audit_occurred_at ON read_models.assignment_audit (occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.assignment_audit, read_models.assignment_audit_lines`);
  }
}
