import { assertNever } from '@switchboard/dialogs';

/** How the stats group their rows: by an operator, by line, or by UTC day. */
export type StatsGrouping = 'operator' | 'line' | 'day';
export const statsGroupings: readonly StatsGrouping[] = ['operator', 'line', 'day'];

/** The group key, in SQL of alias `r`; each stats table has `line_id` and `day`, and says which operator counts. */
export function groupKeyColumn(groupBy: StatsGrouping, operatorColumn: string): string {
  switch (groupBy) {
    case 'operator':
      return operatorColumn;
    case 'line':
      return 'r.line_id';
    case 'day':
      return 'r.day::text';
    default:
      return assertNever(groupBy);
  }
}
