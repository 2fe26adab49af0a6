import type { SqlParams } from './read-database';

/** A half-open range of instants: `from` included, `to` excluded; either end may be open. */
export type TimeRange = Readonly<{ from?: Date; to?: Date }>;

/** The conditions that keep `column` inside the range; none for an open range. */
export function timeRangeConditions(column: string, range: TimeRange | undefined, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (range?.from !== undefined) conditions.push(`${column} >= ${params.add(range.from.toISOString(), 'timestamptz')}`);
  if (range?.to !== undefined) conditions.push(`${column} < ${params.add(range.to.toISOString(), 'timestamptz')}`);
  return conditions;
}
