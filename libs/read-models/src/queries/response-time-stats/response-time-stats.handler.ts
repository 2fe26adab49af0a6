import { aggregateDurations, type DurationAggregate, type DurationGroup } from '../shared/duration-aggregates';
import type { ReadDatabase } from '../shared/read-database';
import { groupKeyColumn, statsGroupings, type StatsGrouping } from '../shared/stats-grouping';
import type { TimeRange } from '../shared/time-range';

export type ResponseTimeGrouping = StatsGrouping;
export const responseTimeGroupings: readonly ResponseTimeGrouping[] = statsGroupings;

/**
 * Which operator an interval belongs to, when grouping or filtering by operator: the one
 * assigned during the wait (credit by history), or the one whose message ended it.
 */
export type ResponseCredit = 'assignee' | 'responder';
export const responseCredits: readonly ResponseCredit[] = ['assignee', 'responder'];
export const DEFAULT_RESPONSE_CREDIT: ResponseCredit = 'assignee';

/** Which duration of each interval to aggregate: elapsed time, or open time under its line's hours. */
export type ResponseTimeClock = 'calendar' | 'business';
export const responseTimeClocks: readonly ResponseTimeClock[] = ['calendar', 'business'];
export const DEFAULT_RESPONSE_TIME_CLOCK: ResponseTimeClock = 'calendar';

export type ResponseTimeStatsQuery = Readonly<{
  groupBy: ResponseTimeGrouping;
  /** Defaults to the assignee. */
  credit?: ResponseCredit;
  /** Calendar when absent. */
  clock?: ResponseTimeClock;
  /** Intervals that ended in this range. */
  ended?: TimeRange;
  operatorIds?: readonly string[];
  lineIds?: readonly string[];
}>;

/** Aggregates of closed response intervals, in milliseconds rounded to whole ones. */
export type ResponseTimeAggregate = DurationAggregate;

/**
 * `key` is the operator id (null: intervals nobody was assigned during, by assignee credit), the
 * line id (null: intervals recorded without a line) or the UTC day 'YYYY-MM-DD'.
 */
export type ResponseTimeGroup = DurationGroup;

export type ResponseTimeStats = Readonly<{
  groupBy: ResponseTimeGrouping;
  credit: ResponseCredit;
  clock: ResponseTimeClock;
  groups: readonly ResponseTimeGroup[];
  /** All the intervals the filters kept, across groups; null when there are none. */
  total: ResponseTimeAggregate | null;
}>;

// Records over the unions: a credit or clock added later fails to compile until it has a column.
const operatorColumns: Readonly<Record<ResponseCredit, string>> = { assignee: 'r.assignee_id', responder: 'r.operator_id' };
const durationColumns: Readonly<Record<ResponseTimeClock, string>> = { calendar: 'r.duration_ms', business: 'r.business_duration_ms' };

/**
 * Count, mean, median, p90 and max of response intervals per operator, line or day, plus the
 * total. The credit picks which operator an interval is grouped and filtered by, the clock which
 * of its durations is aggregated; the two combine freely.
 */
export class ResponseTimeStatsHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(query: ResponseTimeStatsQuery): Promise<ResponseTimeStats> {
    const credit = query.credit ?? DEFAULT_RESPONSE_CREDIT;
    const clock = query.clock ?? DEFAULT_RESPONSE_TIME_CLOCK;
    const aggregates = await aggregateDurations(this.db, {
      table: 'read_models.response_intervals',
      duration: durationColumns[clock],
      key: groupKeyColumn(query.groupBy, operatorColumns[credit]),
      timeColumn: 'r.ended_at',
      range: query.ended,
      anyOf: [
        [operatorColumns[credit], query.operatorIds],
        ['r.line_id', query.lineIds],
      ],
    });
    return { groupBy: query.groupBy, credit, clock, ...aggregates };
  }
}
