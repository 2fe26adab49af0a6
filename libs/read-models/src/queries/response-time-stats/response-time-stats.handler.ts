import { assertNever } from '@switchboard/dialogs';
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

export type ResponseTimeStatsQuery = Readonly<{
  groupBy: ResponseTimeGrouping;
  /** Defaults to the assignee. */
  credit?: ResponseCredit;
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
  groups: readonly ResponseTimeGroup[];
  /** All the intervals the filters kept, across groups; null when there are none. */
  total: ResponseTimeAggregate | null;
}>;

const operatorColumnOf = (credit: ResponseCredit): string => {
  switch (credit) {
    case 'assignee':
      return 'r.assignee_id';
    case 'responder':
      return 'r.operator_id';
    default:
      return assertNever(credit);
  }
};

/** Count, mean, median, p90 and max of response intervals per operator, line or day, plus the total. */
export class ResponseTimeStatsHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(query: ResponseTimeStatsQuery): Promise<ResponseTimeStats> {
    const credit = query.credit ?? DEFAULT_RESPONSE_CREDIT;
    const aggregates = await aggregateDurations(this.db, {
      table: 'read_models.response_intervals',
      duration: 'r.duration_ms',
      key: groupKeyColumn(query.groupBy, operatorColumnOf(credit)),
      timeColumn: 'r.ended_at',
      range: query.ended,
      anyOf: [
        [operatorColumnOf(credit), query.operatorIds],
        ['r.line_id', query.lineIds],
      ],
    });
    return { groupBy: query.groupBy, credit, ...aggregates };
  }
}
