import type { ReadDatabase } from '../shared/read-database';
import { keysetTableExport, type TableRow } from './keyset-table.export';
import type { TableExport } from './table-export';

/**
 * Closed response intervals, by when they ended, then log position (unique: one event closes at
 * most one interval). Rows never change once written, so the order is stable.
 */
export const responseIntervalsExport = (db: ReadDatabase): TableExport<TableRow> =>
  keysetTableExport(db, {
    name: 'response-intervals',
    table: 'read_models.response_intervals',
    select: [
      'ended_at',
      'position',
      'dialog_id',
      'event_id',
      'operator_id',
      'line_id',
      'started_at',
      'duration_ms',
      'assignee_id',
      'business_duration_ms',
      // A date, not an instant: as text, so no time zone can move it to the day before.
      ['day', 'day::text'],
    ],
    timeColumns: ['ended_at'],
    orderBy: [
      { column: 'ended_at', type: 'timestamptz' },
      { column: 'position', type: 'bigint' },
    ],
    identity: [
      { column: 'dialog_id', type: 'text' },
      { column: 'position', type: 'bigint' },
    ],
  });
