import type { EventStore, LogFilter, Position } from '@switchboard/event-store';
import { ProgressBar } from '@switchboard/platform';
import { assignmentAuditExport, dialogListExport, responseIntervalsExport, type ReadDatabase, type TableExport } from '@switchboard/read-models/queries';
import { afterFromPosition, exportEvents, logFilterOf, type ExportCounts } from './export-events';
import { readManifest, sameSelection, writeManifest } from './export-manifest';
import { ExportOutput } from './export-output';
import { UsageError, type EventsSelection, type ExportOptions, type TableExportName, type TableSelection } from './export-options';
import { checkTimeColumn, exportTable, rangeOf } from './export-table';
import { fileSize, lastCompleteCsvRecord, lastCompleteLine, type WrittenTail } from './written-records';

export type ExportDeps = Readonly<{
  store: EventStore;
  db: ReadDatabase;
  /** Counts events for the progress bar's ETA; absent, the bar shows rate only. */
  countEvents?: (filter: LogFilter | undefined, after: Position | undefined, to: Position) => Promise<number>;
  /** A progress bar on stderr (the command line); off in tests. */
  progress?: boolean;
}>;

type Opened = Readonly<{ output: ExportOutput; tail?: WrittenTail; toPosition?: string | null }>;

/** Runs one export as `npm run export` does; answers how many records it read and wrote. */
export async function runExport(options: ExportOptions, deps: ExportDeps): Promise<ExportCounts> {
  const { selection } = options;
  if (selection.what === 'events') return runEventsExport(options, selection, deps);
  return withTableExport(selection.what, deps.db, (source) => runTableExport(options, selection, source, deps));
}

async function runEventsExport(options: ExportOptions, selection: EventsSelection, deps: ExportDeps): Promise<ExportCounts> {
  // Pinned at the first start, so a resumed export ends where the uninterrupted one would have.
  const pin = async () => selection.toPosition ?? (await deps.store.headPosition())?.toString() ?? null;
  const opened = await openOutput(options, lastCompleteLine, pin);
  const toPosition = opened.toPosition === null || opened.toPosition === undefined ? null : BigInt(opened.toPosition);
  const after = opened.tail?.last === undefined ? afterFromPosition(selection.fromPosition) : positionOfLine(opened.tail.last);
  const total = deps.countEvents && toPosition !== null ? await deps.countEvents(logFilterOf(selection), after, toPosition) : undefined;
  return withProgress(opened.output, deps, 'export events', total, 'events', (onProgress) =>
    exportEvents(deps.store, selection, { output: opened.output, after, toPosition, batchSize: options.batchSize, onProgress }),
  );
}

async function runTableExport<Row>(options: ExportOptions, selection: TableSelection, source: TableExport<Row>, deps: ExportDeps): Promise<ExportCounts> {
  checkTimeColumn(source, selection);
  const opened = await openOutput(options, lastCompleteCsvRecord, async () => undefined);
  const total = await source.count({ range: rangeOf(selection), timeColumn: selection.timeColumn });
  return withProgress(opened.output, deps, `export ${source.name}`, total, 'rows', (onProgress) =>
    exportTable(source, selection, { output: opened.output, tail: opened.tail, batchSize: options.batchSize, onProgress }),
  );
}

/**
 * A fresh file gets its manifest first; a resumed one must have the same selection, and is cut
 * back to its last complete record before anything more is written.
 */
async function openOutput(
  options: ExportOptions,
  scan: (path: string) => Promise<WrittenTail>,
  pin: () => Promise<string | null | undefined>,
): Promise<Opened> {
  const { out, selection } = options;
  if (out === undefined) return { output: ExportOutput.stdout(), toPosition: await pin() };
  if (options.resume && (await fileSize(out)) !== undefined) {
    const manifest = await readManifest(out);
    if (manifest === undefined) throw new UsageError(`cannot resume ${out}: its ${out}.export.json is missing, so its filters are unknown`);
    if (!sameSelection(manifest.selection, selection)) {
      throw new UsageError(`cannot resume ${out} with other filters: it was started with ${JSON.stringify(manifest.selection)}`);
    }
    const tail = await scan(out);
    return { output: await ExportOutput.file(out, tail.completeBytes), tail, toPosition: manifest.toPosition };
  }
  const toPosition = await pin();
  await writeManifest(out, { selection, toPosition });
  return { output: await ExportOutput.file(out), toPosition };
}

function positionOfLine(line: string): Position {
  let position: unknown;
  try {
    position = (JSON.parse(line) as { position?: unknown }).position;
  } catch {
    position = undefined;
  }
  if (typeof position !== 'string' || !/^\d+$/.test(position)) throw new UsageError('the last line of the file to resume is not an exported event');
  return BigInt(position);
}

async function withProgress(
  output: ExportOutput,
  deps: ExportDeps,
  label: string,
  total: number | undefined,
  unit: string,
  run: (onProgress: (counts: ExportCounts) => void) => Promise<ExportCounts>,
): Promise<ExportCounts> {
  const bar = deps.progress ? new ProgressBar(label, total, unit) : undefined;
  try {
    const counts = await run((c) => bar?.update(c.read));
    bar?.finish(counts.read);
    return counts;
  } finally {
    await output.close();
  }
}

function withTableExport<T>(name: TableExportName, db: ReadDatabase, use: <Row>(source: TableExport<Row>) => T): T {
  switch (name) {
    case 'dialogs':
      return use(dialogListExport(db));
    case 'response-intervals':
      return use(responseIntervalsExport(db));
    case 'assignment-audit':
      return use(assignmentAuditExport(db));
    default: {
      const never: never = name;
      throw new UsageError(`unknown export ${String(never)}`);
    }
  }
}
