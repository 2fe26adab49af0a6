import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. Positions are `transaction id << 20 | index in the append`, so log order is
 * commit-safe: readers only look below the oldest running transaction
 * (`pg_snapshot_xmin(pg_current_snapshot())`), and every event below that line is committed or
 * never will be. Concurrent appends that commit out of order can therefore never be skipped,
 * and nothing waits for holes left by rolled-back appends.
 */
export class CreateEventLog1763700000000 implements MigrationInterface {
  name = 'CreateEventLog1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await q.query(`
      CREATE TABLE event_store.events (
        position        bigint      PRIMARY KEY,
        event_id        uuid        NOT NULL,
        stream_id       text        NOT NULL,
        stream_revision bigint      NOT NULL,
        category        text        NOT NULL GENERATED ALWAYS AS (split_part(stream_id, '-', 1)) STORED,
        type            text        NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now()
      )`);
    // The stream index enforces optimistic concurrency: two writers of one revision collide here.
    await q.query(`CREATE UNIQUE INDEX events_stream_revision ON event_store.events (stream_id, stream_revision)`);
    await q.query(`CREATE UNIQUE INDEX events_event_id ON event_store.events (event_id)`);
    await q.query(`
      CREATE FUNCTION event_store.position_horizon() RETURNS bigint
      LANGUAGE sql STABLE AS $$
        SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint) << 20
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA event_store CASCADE`);
  }
}
