import type { Pool } from 'pg';
import type { LogFilter } from '@switchboard/event-store';

/** Positions bounding a count: `after` excluded, `to` included. */
export type PositionRange = Readonly<{ after?: bigint; to?: bigint }>;

/** How many events a projection or an export will see, for the progress bar's ETA (PostgreSQL store only). */
export async function countEvents(pool: Pool, filter: LogFilter | undefined, range: PositionRange = {}): Promise<number> {
  const params: unknown[] = [];
  let where = 'position < event_store.position_horizon()';
  if (filter?.eventTypes?.length) {
    params.push(filter.eventTypes);
    where += ` AND type = ANY($${params.length}::text[])`;
  }
  if (filter?.categories?.length) {
    params.push(filter.categories);
    where += ` AND category = ANY($${params.length}::text[])`;
  }
  if (range.after !== undefined) {
    params.push(range.after.toString());
    where += ` AND position > $${params.length}::bigint`;
  }
  if (range.to !== undefined) {
    params.push(range.to.toString());
    where += ` AND position <= $${params.length}::bigint`;
  }
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM event_store.events WHERE ${where}`, params);
  return Number(rows[0].n);
}
