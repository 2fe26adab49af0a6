import type { CsvColumn } from '@switchboard/platform';
import type { TimeRange } from '../shared/time-range';

/** A CSV record read back by header: the last row an interrupted export wrote. */
export type WrittenRecord = Readonly<Record<string, string | null>>;

export type TableExportOptions = Readonly<{
  /** On `timeColumn`, `from` included and `to` not. */
  range?: TimeRange;
  /** One of the export's `timeColumns`; the first when absent. */
  timeColumn?: string;
  /** Continue strictly after this row, in the export's stable order. */
  after?: WrittenRecord;
  pageSize: number;
}>;

/**
 * A read model exported whole, in a stable order that new or changed rows cannot reorder, a page
 * at a time so memory stays flat, and resumable from the last row written.
 */
export interface TableExport<Row> {
  readonly name: string;
  /** Header names and order of the CSV; the first `timeColumns` entry is the default range column. */
  readonly columns: readonly CsvColumn<Row>[];
  readonly timeColumns: readonly string[];
  count(options: Pick<TableExportOptions, 'range' | 'timeColumn'>): Promise<number>;
  pages(options: TableExportOptions): AsyncIterable<readonly Row[]>;
}

export class ExportResumeError extends Error {
  override readonly name = 'ExportResumeError';
}

export function timeColumnOf(timeColumns: readonly string[], chosen: string | undefined): string {
  if (chosen === undefined) return timeColumns[0];
  if (!timeColumns.includes(chosen)) throw new Error(`time column must be one of ${timeColumns.join(', ')}, got "${chosen}"`);
  return chosen;
}
