import type { Pool } from 'pg';
import type { LogFilter, Position } from '@switchboard/event-store';

/**
 * How many events (after `after`, up to `to` included) a projection or an export will see, for
 * the progress bar's ETA (PostgreSQL store only).
 */
export async function countEvents(pool: Pool, filter: LogFilter | undefined, after?: Position, to?: Position): Promise<number> {
  const params: unknown[] = [after?.toString() ?? null];
  let where = 'position < event_store.position_horizon() AND position > coalesce($1::bigint, -1)';
  if (filter?.eventTypes?.length) {
    params.push(filter.eventTypes);
    where += ` AND type = ANY($${params.length}::text[])`;
  }
  if (filter?.categories?.length) {
    params.push(filter.categories);
    where += ` AND category = ANY($${params.length}::text[])`;
  }
  if (to !== undefined) {
    params.push(to.toString());
    where += ` AND position <= $${params.length}::bigint`;
  }
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM event_store.events WHERE ${where}`, params);
  return Number(rows[0].n);
}
