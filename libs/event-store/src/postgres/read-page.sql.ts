import type { QueryConfig } from 'pg';
import type { LogFilter, Position } from '../event-store.port';
import { EVENT_COLUMNS, type EventRow } from './row-mapping';

/** A page's rows: its events, each with the horizon; or one row of the horizon alone. */
export type PageRow = { horizon: string } & (EventRow | { [K in keyof EventRow]: null });

/**
 * One statement reads the horizon and the events below it, so both come from one snapshot.
 * The events are read in a lateral subquery under the horizon, which the planner treats as a
 * bound known when the subquery runs: the scan of the filter's index starts at `after` and
 * stops at the horizon or the limit.
 */
export function readPageQuery(after: Position | undefined, maxCount: number, filter: LogFilter | undefined): QueryConfig {
  const values: unknown[] = [(after ?? -1n).toString(), maxCount];
  const conditions = [anyOf('type', filter?.eventTypes, values), anyOf('category', filter?.categories, values)].join('');
  return {
    text: `SELECT bound.horizon::text AS horizon, page.*
             FROM (SELECT event_store.position_horizon() AS horizon) bound
             LEFT JOIN LATERAL (
               SELECT ${EVENT_COLUMNS} FROM event_store.events
                WHERE position > $1 AND position < bound.horizon ${conditions}
                ORDER BY position LIMIT $2) page ON true
            ORDER BY page.position`,
    values,
  };
}

/**
 * The condition on one filter column. One value is compared with `=`: the index on the column
 * and the position then yields rows in log order, and the scan stops at the limit; with `ANY`
 * the planner sorts whatever the index finds after `after`.
 */
function anyOf(column: 'type' | 'category', list: readonly string[] | undefined, values: unknown[]): string {
  if (!list?.length) return '';
  values.push(list.length === 1 ? list[0] : list);
  return list.length === 1 ? ` AND ${column} = $${values.length}` : ` AND ${column} = ANY($${values.length}::text[])`;
}
