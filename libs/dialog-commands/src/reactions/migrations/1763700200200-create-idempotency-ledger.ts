import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The answer each keyed request got, so that every retry, sequential or concurrent, gets the same
 * one. `claim` takes a session advisory lock on the principal and key, then reads the answer with
 * a snapshot taken after the lock (a volatile function's statements each take their own): a
 * concurrent copy waits for the first to record its answer and release the lock, and finds it.
 * No transaction stays open meanwhile, so the log's read horizon is never held back by a command.
 */
export class CreateIdempotencyLedger1763700200200 implements MigrationInterface {
  name = 'CreateIdempotencyLedger1763700200200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE write_side.idempotency_ledger (
        principal   text        NOT NULL,
        key         text        NOT NULL,
        request     text        NOT NULL,
        answer      jsonb       NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      )`);
    await q.query(`
      CREATE FUNCTION write_side.idempotency_claim(p_principal text, p_key text)
      RETURNS TABLE (request text, answer jsonb) LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_lock(hashtext('idempotency'), hashtext(p_principal || E'\\n' || p_key));
        RETURN QUERY SELECT l.request, l.answer FROM write_side.idempotency_ledger l WHERE l.principal = p_principal AND l.key = p_key;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION write_side.idempotency_claim(text, text)`);
    await q.query(`DROP TABLE write_side.idempotency_ledger`);
  }
}
