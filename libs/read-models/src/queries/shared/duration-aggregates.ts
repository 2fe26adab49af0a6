import { SqlParams, type ReadDatabase } from './read-database';
import { timeRangeConditions, type TimeRange } from './time-range';

/** Aggregates of durations, in milliseconds rounded to whole ones. */
export type DurationAggregate = Readonly<{ count: number; meanMs: number; medianMs: number; p90Ms: number; maxMs: number }>;

/** `key` is what the rows were grouped by (null: rows without one). */
export type DurationGroup = DurationAggregate & Readonly<{ key: string | null }>;

export type DurationAggregates = Readonly<{
  groups: readonly DurationGroup[];
  /** All the rows the filters kept, across groups; null when there are none. */
  total: DurationAggregate | null;
}>;

/** Where the durations are and how to group and filter them; columns are SQL of alias `r`. */
export type DurationSource = Readonly<{
  table: string;
  duration: string;
  key: string;
  // Rows without a duration (say, still unanswered) are left out here.
  required?: string;
  timeColumn: string;
  range?: TimeRange;
  // Each column kept to the given values; an empty or absent list keeps every row.
  anyOf?: readonly (readonly [column: string, values: readonly string[] | undefined])[];
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

/**
 * Count, mean, median, p90 and max per group, plus the total, in one pass (GROUPING SETS).
 * Median and p90 use percentile_cont: interpolated between the two nearest values, so the
 * median of an even count is the mean of the middle two, as a reader computing by hand expects;
 * percentile_disc would answer a value that occurred.
 */
export async function aggregateDurations(db: ReadDatabase, source: DurationSource): Promise<DurationAggregates> {
  const params = new SqlParams();
  const conditions = timeRangeConditions(source.timeColumn, source.range, params);
  if (source.required !== undefined) conditions.push(`${source.required} IS NOT NULL`);
  for (const [column, values] of source.anyOf ?? []) {
    if (values !== undefined && values.length > 0) conditions.push(`${column} = ANY(${params.add(values, 'text[]')})`);
  }
  const { key, duration } = source;
  const rows = await db.query<AggregateRow>(
    `SELECT ${key} AS key, GROUPING(${key}) = 1 AS is_total, count(*)::integer AS count,
            round(avg(${duration}))::float8 AS mean_ms,
            round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${duration})::numeric)::float8 AS median_ms,
            round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ${duration})::numeric)::float8 AS p90_ms,
            max(${duration})::text AS max_ms
       FROM ${source.table} r
      ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      GROUP BY GROUPING SETS ((${key}), ())
      ORDER BY is_total, key NULLS LAST`,
    params.values,
  );
  const groups = rows.filter((row) => !row.is_total).map((row) => ({ key: row.key, ...aggregateOf(row) }));
  const total = rows.find((row) => row.is_total && row.count > 0);
  return { groups, total: total === undefined ? null : aggregateOf(total) };
}

function aggregateOf(row: AggregateRow): DurationAggregate {
  return { count: row.count, meanMs: row.mean_ms, medianMs: row.median_ms, p90Ms: row.p90_ms, maxMs: Number(row.max_ms) };
}
