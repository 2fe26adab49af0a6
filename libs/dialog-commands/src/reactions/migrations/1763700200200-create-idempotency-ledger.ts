import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The answer each keyed request got, so that every retry, sequential or concurrent, gets the same
 * one. The primary key serialises concurrent copies: the second insert waits for the first
 * request's transaction and then finds its answer.
 */
export class CreateIdempotencyLedger1763700200200 implements MigrationInterface {
  name = 'CreateIdempotencyLedger1763700200200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE write_side.idempotency_ledger (
        principal   text        NOT NULL,
        key         text        NOT NULL,
        request     text        NOT NULL,
        answer      jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE write_side.idempotency_ledger`);
  }
}
