import { assertNever } from '@switchboard/dialogs';
import { SqlParams, type ReadDatabase } from '../shared/read-database';
import { timeRangeConditions, type TimeRange } from '../shared/time-range';

export type ResponseTimeGrouping = 'operator' | 'line' | 'day';
export const responseTimeGroupings: readonly ResponseTimeGrouping[] = ['operator', 'line', 'day'];

/** Which duration of each interval to aggregate: elapsed time, or open time under its line's hours. */
export type ResponseTimeClock = 'calendar' | 'business';
export const responseTimeClocks: readonly ResponseTimeClock[] = ['calendar', 'business'];

export type ResponseTimeStatsQuery = Readonly<{
  groupBy: ResponseTimeGrouping;
  /** Calendar when absent. */
  clock?: ResponseTimeClock;
  /** Intervals that ended in this range. */
  ended?: TimeRange;
  operatorIds?: readonly string[];
  lineIds?: readonly string[];
}>;

/** Aggregates of closed response intervals, in milliseconds rounded to whole ones. */
export type ResponseTimeAggregate = Readonly<{ count: number; meanMs: number; medianMs: number; p90Ms: number; maxMs: number }>;

/** `key` is the operator id, the line id (null: intervals recorded without a line) or the UTC day 'YYYY-MM-DD'. */
export type ResponseTimeGroup = ResponseTimeAggregate & Readonly<{ key: string | null }>;

export type ResponseTimeStats = Readonly<{
  groupBy: ResponseTimeGrouping;
  clock: ResponseTimeClock;
  groups: readonly ResponseTimeGroup[];
  /** All the intervals the filters kept, across groups; null when there are none. */
  total: ResponseTimeAggregate | null;
}>;

type AggregateRow = Readonly<{
  key: string | null;
  is_total: boolean;
  count: number;
  mean_ms: number;
  median_ms: number;
  p90_ms: number;
  max_ms: string;
}>;

const keyColumnOf = (groupBy: ResponseTimeGrouping): string => {
  switch (groupBy) {
    case 'operator':
      return 'r.operator_id';
    case 'line':
      return 'r.line_id';
    case 'day':
      return 'r.day::text';
    default:
      return assertNever(groupBy);
  }
};

const durationColumnOf = (clock: ResponseTimeClock): string => {
  switch (clock) {
    case 'calendar':
      return 'r.duration_ms';
    case 'business':
      return 'r.business_duration_ms';
    default:
      return assertNever(clock);
  }
};

/**
 * Count, mean, median, p90 and max of response intervals per operator, line or day, plus the
 * total, in one pass (GROUPING SETS). Median and p90 use percentile_cont: interpolated between
 * the two nearest intervals, so the median of an even count is the mean of the middle two, as
 * a reader computing by hand expects; percentile_disc would answer an interval that occurred.
 */
export class ResponseTimeStatsHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(query: ResponseTimeStatsQuery): Promise<ResponseTimeStats> {
    const params = new SqlParams();
    const conditions = timeRangeConditions('r.ended_at', query.ended, params);
    if (query.operatorIds !== undefined && query.operatorIds.length > 0) {
      conditions.push(`r.operator_id = ANY(${params.add(query.operatorIds, 'text[]')})`);
    }
    if (query.lineIds !== undefined && query.lineIds.length > 0) {
      conditions.push(`r.line_id = ANY(${params.add(query.lineIds, 'text[]')})`);
    }
    const key = keyColumnOf(query.groupBy);
    const clock = query.clock ?? 'calendar';
    const duration = durationColumnOf(clock);
    const rows = await this.db.query<AggregateRow>(
      `SELECT ${key} AS key, GROUPING(${key}) = 1 AS is_total, count(*)::integer AS count,
              round(avg(${duration}))::float8 AS mean_ms,
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${duration})::numeric)::float8 AS median_ms,
              round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ${duration})::numeric)::float8 AS p90_ms,
              max(${duration})::text AS max_ms
         FROM read_models.response_intervals r
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        GROUP BY GROUPING SETS ((${key}), ())
        ORDER BY is_total, key NULLS LAST`,
      params.values,
    );
    const groups = rows.filter((row) => !row.is_total).map((row) => ({ key: row.key, ...aggregateOf(row) }));
    const total = rows.find((row) => row.is_total && row.count > 0);
    return { groupBy: query.groupBy, clock, groups, total: total === undefined ? null : aggregateOf(total) };
  }
}

function aggregateOf(row: AggregateRow): ResponseTimeAggregate {
  return { count: row.count, meanMs: row.mean_ms, medianMs: row.median_ms, p90Ms: row.p90_ms, maxMs: Number(row.max_ms) };
}
