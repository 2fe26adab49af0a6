import type { Pool } from 'pg';

/** The follower's rare type, and a rare category, each once per RARE_EVERY events. */
export const RARE_TYPE = 'DialogEscalated';
export const RARE_CATEGORY = 'line';
export const RARE_EVERY = 100_000;
const CHUNK = 100_000;

/**
 * Writes `count` events straight into the log's table, set-based, a chunk per statement: dialogs
 * of twelve events (mostly messages), one event of the rare type every RARE_EVERY events (in a
 * dialog stream of its own) and one of the rare category halfway between. Positions are 1..count,
 * all below the read horizon (transaction ids shifted by 20 bits), as a log written earlier is;
 * no hash chain, which readers do not look at.
 */
export async function seedLog(pool: Pool, count: number, onChunk: (written: number) => void): Promise<void> {
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await pool.query(
      `INSERT INTO event_store.events (position, event_id, stream_id, stream_revision, type, data, metadata, recorded_at)
       SELECT i, gen_random_uuid(),
              CASE WHEN i % $3 = 0 THEN 'dialog-escalated' || i
                   WHEN i % $3 = $3 / 2 THEN 'line-' || i
                   ELSE 'dialog-' || (i / 12) END,
              CASE WHEN i % $3 IN (0, $3 / 2) THEN 0 ELSE i % 12 END,
              CASE WHEN i % $3 = 0 THEN $4
                   WHEN i % $3 = $3 / 2 THEN 'LineRenamed'
                   ELSE (ARRAY['DialogOpened', 'MessageSent', 'OperatorAssigned', 'MessageSent', 'MessageSent', 'MessageSent',
                               'TagAdded', 'MessageSent', 'MessageSent', 'MessageSent', 'MessageSent', 'DialogClosed'])[i % 12 + 1] END,
              jsonb_build_object('dialogId', 'd-' || (i / 12), 'text', 'Hello, my order ' || i || ' has not arrived yet', 'attachments', '[]'::jsonb),
              jsonb_build_object('actor', jsonb_build_object('kind', 'service', 'id', 'telegram'), 'correlationId', md5(i::text), 'schemaVersion', 1),
              now() - make_interval(secs => ($2 - i) / 100.0)
         FROM generate_series($1::bigint, $2::bigint) AS i`,
      [from, to, RARE_EVERY, RARE_TYPE],
    );
    onChunk(to);
  }
  await pool.query('VACUUM ANALYZE event_store.events');
}
