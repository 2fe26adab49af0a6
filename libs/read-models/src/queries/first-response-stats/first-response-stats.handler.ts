import { aggregateDurations, type DurationAggregate, type DurationGroup } from '../shared/duration-aggregates';
import type { ReadDatabase } from '../shared/read-database';
import { groupKeyColumn, statsGroupings, type StatsGrouping } from '../shared/stats-grouping';
import type { TimeRange } from '../shared/time-range';

export type FirstResponseGrouping = StatsGrouping;
export const firstResponseGroupings: readonly FirstResponseGrouping[] = statsGroupings;

export type FirstResponseStatsQuery = Readonly<{
  groupBy: FirstResponseGrouping;
  /** Periods whose first response came in this range. */
  responded?: TimeRange;
  /** The assigned operators. */
  operatorIds?: readonly string[];
  lineIds?: readonly string[];
}>;

/**
 * `key` is the assigned operator, the line of the assignment (null: recorded without one) or
 * the UTC day 'YYYY-MM-DD' of the first response.
 */
export type FirstResponseStats = Readonly<{
  groupBy: FirstResponseGrouping;
  groups: readonly DurationGroup[];
  /** All the answered periods the filters kept; null when there are none. */
  total: DurationAggregate | null;
}>;

/**
 * Count, mean, median, p90 and max of the first response per assignment period, credited to the
 * operator assigned. Periods never answered have no first response and count in none.
 */
export class FirstResponseStatsHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(query: FirstResponseStatsQuery): Promise<FirstResponseStats> {
    const aggregates = await aggregateDurations(this.db, {
      table: 'read_models.assignment_responses',
      duration: 'r.first_response_ms',
      key: groupKeyColumn(query.groupBy, 'r.operator_id'),
      required: 'r.first_response_ms',
      timeColumn: 'r.first_response_at',
      range: query.responded,
      anyOf: [
        ['r.operator_id', query.operatorIds],
        ['r.line_id', query.lineIds],
      ],
    });
    return { groupBy: query.groupBy, ...aggregates };
  }
}
