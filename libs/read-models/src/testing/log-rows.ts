import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Events and checkpoints written straight into their tables, at positions a test chooses. Small
 * positions lie far below the horizon (transaction ids shifted by 20 bits), so readers see them.
 */
export async function insertEvent(pool: Pool, input: { position: number; type: string; streamId: string; ageMs?: number }): Promise<void> {
  await pool.query(
    `INSERT INTO event_store.events (position, event_id, stream_id, stream_revision, type, data, metadata, recorded_at)
     VALUES ($1, $2, $3, $1, $4, '{}', '{}', now() - make_interval(secs => $5::float8 / 1000))`,
    [input.position, randomUUID(), input.streamId, input.type, input.ageMs ?? 0],
  );
}

export async function setCheckpoint(
  pool: Pool,
  name: string,
  position: number | null,
  failed?: { position: number; type: string; error: string },
): Promise<void> {
  await pool.query(
    `INSERT INTO projections.checkpoints (name, position, status, error, failed_event_id, failed_event_type, failed_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (name) DO UPDATE SET position = excluded.position, status = excluded.status, error = excluded.error,
       failed_event_id = excluded.failed_event_id, failed_event_type = excluded.failed_event_type,
       failed_position = excluded.failed_position`,
    [
      name,
      position,
      failed === undefined ? 'running' : 'failed',
      failed?.error ?? null,
      failed === undefined ? null : randomUUID(),
      failed?.type ?? null,
      failed?.position ?? null,
    ],
  );
}
