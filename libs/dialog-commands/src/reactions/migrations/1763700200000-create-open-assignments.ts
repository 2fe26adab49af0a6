import { MigrationInterface, QueryRunner } from 'typeorm';

/** The write side's own view of who holds which dialog: for routing and operator removal. */
export class CreateOpenAssignments1763700200000 implements MigrationInterface {
  name = 'CreateOpenAssignments1763700200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS write_side`);
    await q.query(`
      CREATE TABLE write_side.open_assignments (
        dialog_id   uuid    PRIMARY KEY,
        operator_id text,
        open        boolean NOT NULL DEFAULT true
      )`);
    await q.query(`CREATE INDEX open_assignments_operator ON write_side.open_assignments (operator_id) WHERE open`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA write_side CASCADE`);
  }
}
