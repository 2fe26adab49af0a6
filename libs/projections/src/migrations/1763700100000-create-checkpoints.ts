import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each projection stands in the log, and why it stopped if it did. */
export class CreateCheckpoints1763700100000 implements MigrationInterface {
  name = 'CreateCheckpoints1763700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS projections`);
    await q.query(`
      CREATE TABLE projections.checkpoints (
        name              text        PRIMARY KEY,
        position          bigint,
        status            text        NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'failed')),
        error             text,
        failed_event_id   uuid,
        failed_event_type text,
        failed_position   bigint,
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projections.checkpoints`);
  }
}
