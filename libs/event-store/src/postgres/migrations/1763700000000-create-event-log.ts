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
    // One round trip per append: idempotency check, expected-revision check and a set-based
    // insert. A unique violation means a concurrent writer won; the caller re-runs the call.
    await q.query(`
      CREATE FUNCTION event_store.append_events(p_stream_id text, p_expected text, p_ids uuid[], p_events jsonb)
      RETURNS TABLE (outcome text, stream_revision bigint, last_position bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_found       bigint;
        v_found_here  bigint;
        v_current     bigint;
        v_base        bigint;
        v_offset      bigint;
        v_count       bigint := cardinality(p_ids);
      BEGIN
        SELECT count(*), count(*) FILTER (WHERE e.stream_id = p_stream_id),
               max(e.stream_revision), max(e.position)
          INTO v_found, v_found_here, stream_revision, last_position
          FROM event_store.events e WHERE e.event_id = ANY (p_ids);
        IF v_found > 0 THEN
          outcome := CASE WHEN v_found = v_count AND v_found_here = v_count
                          THEN 'idempotent' ELSE 'idempotency_conflict' END;
          RETURN NEXT;
          RETURN;
        END IF;

        SELECT e.stream_revision INTO v_current FROM event_store.events e
         WHERE e.stream_id = p_stream_id ORDER BY e.stream_revision DESC LIMIT 1;
        v_current := coalesce(v_current, -1);
        IF NOT (p_expected = 'any'
             OR (p_expected = 'no_stream' AND v_current = -1)
             OR (p_expected = 'stream_exists' AND v_current >= 0)
             OR (p_expected ~ '^[0-9]+$' AND v_current = p_expected::bigint)) THEN
          outcome := 'wrong_expected_revision';
          stream_revision := v_current;
          last_position := NULL;
          RETURN NEXT;
          RETURN;
        END IF;

        v_base := (pg_current_xact_id()::text::bigint) << 20;
        -- A caller may append twice in one transaction; continue after its earlier events.
        SELECT coalesce(max(e.position) - v_base + 1, 0) INTO v_offset FROM event_store.events e
         WHERE e.position >= v_base AND e.position < v_base + (1::bigint << 20);

        INSERT INTO event_store.events (position, event_id, stream_id, stream_revision, type, data, metadata)
        SELECT v_base + v_offset + e.ord - 1, p_ids[e.ord], p_stream_id, v_current + e.ord,
               e.value->>'type', e.value->'data', coalesce(e.value->'metadata', '{}'::jsonb)
          FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(value, ord);

        outcome := 'appended';
        stream_revision := v_current + v_count;
        last_position := v_base + v_offset + v_count - 1;
        RETURN NEXT;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA event_store CASCADE`);
  }
}
