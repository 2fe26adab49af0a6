import { csvHeader, csvRecord, parseCsvRecord } from '@switchboard/platform';
import type { TableExport, WrittenRecord } from '@switchboard/read-models/queries';
import type { ExportCounts } from './export-events';
import type { ExportOutput } from './export-output';
import type { TableSelection } from './export-options';
import { UsageError } from './export-options';
import type { WrittenTail } from './written-records';

export type TableRun = Readonly<{
  output: ExportOutput;
  /** What an interrupted run left in the file (resume), or nothing (a fresh file or stdout). */
  tail?: WrittenTail;
  batchSize: number;
  onProgress?: (counts: ExportCounts) => void;
}>;

export const rangeOf = (selection: TableSelection) =>
  selection.since === undefined && selection.until === undefined
    ? undefined
    : {
        from: selection.since === undefined ? undefined : new Date(selection.since),
        to: selection.until === undefined ? undefined : new Date(selection.until),
      };

export function checkTimeColumn<Row>(source: TableExport<Row>, selection: TableSelection): void {
  if (selection.timeColumn !== undefined && !source.timeColumns.includes(selection.timeColumn)) {
    throw new UsageError(`--time-column for ${source.name} must be one of ${source.timeColumns.join(', ')}, got "${selection.timeColumn}"`);
  }
}

/** A read model as CSV: the header, then its rows in the export's stable order, a page at a time. */
export async function exportTable<Row>(source: TableExport<Row>, selection: TableSelection, run: TableRun): Promise<ExportCounts> {
  checkTimeColumn(source, selection);
  const header = csvHeader(source.columns);
  const after = resumeAfter(run.tail, header);
  if (run.tail?.header === undefined) await run.output.write(header);
  const counts: ExportCounts = { read: 0, written: 0 };
  for await (const page of source.pages({ range: rangeOf(selection), timeColumn: selection.timeColumn, after, pageSize: run.batchSize })) {
    await run.output.write(page.map((row) => csvRecord(source.columns, row)).join(''));
    counts.read += page.length;
    counts.written += page.length;
    run.onProgress?.(counts);
  }
  return counts;
}

function resumeAfter(tail: WrittenTail | undefined, header: string): WrittenRecord | undefined {
  if (tail?.header === undefined) return undefined;
  if (tail.header !== header) throw new UsageError('the file to resume has other columns than this export writes: not the same export');
  if (tail.last === undefined) return undefined;
  const names = parseCsvRecord(header);
  const values = parseCsvRecord(tail.last);
  return Object.fromEntries(names.map((name, i) => [name ?? '', values[i] ?? null]));
}
