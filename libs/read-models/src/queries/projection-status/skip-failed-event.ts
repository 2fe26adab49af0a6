import type { ReadDatabase } from '../shared/read-database';

/** Projectors LISTEN here to restart a runner whose failed event was skipped; the payload is the projection's name. */
export const PROJECTION_SKIPPED_CHANNEL = 'projection_skipped';

export type SkipOutcome = 'skipped' | 'not_found' | 'not_failed';

/**
 * Steps a failed projection over the event it failed on, as CheckpointStore.skipFailed does:
 * the checkpoint moves to the failed position and the projection is running again. Its runner
 * stopped when it failed; it resumes after the failed event when the projector restarts it,
 * which the notification on PROJECTION_SKIPPED_CHANNEL asks for.
 */
export async function skipFailedEvent(db: ReadDatabase, name: string): Promise<SkipOutcome> {
  const [row] = await db.query<{ skipped: number; known: boolean }>(
    `WITH skipped AS (
       UPDATE projections.checkpoints
          SET position = failed_position, status = 'running', error = NULL, failed_event_id = NULL,
              failed_event_type = NULL, failed_position = NULL, updated_at = now()
        WHERE name = $1 AND status = 'failed'
       RETURNING name)
     SELECT (SELECT count(*) FROM skipped)::integer AS skipped,
            EXISTS (SELECT 1 FROM projections.checkpoints WHERE name = $1) AS known`,
    [name],
  );
  if (row.skipped === 0) return row.known ? 'not_failed' : 'not_found';
  await db.query(`SELECT pg_notify($1, $2)::text AS notified`, [PROJECTION_SKIPPED_CHANNEL, name]);
  return 'skipped';
}
