import { recordedEventJson, type EventStore, type LogFilter, type Position, type RecordedEvent } from '@switchboard/event-store';
import type { ExportOutput } from './export-output';
import type { EventsSelection } from './export-options';

export type ExportCounts = { read: number; written: number };

export type EventsRun = Readonly<{
  output: ExportOutput;
  /** Exclusive: the last position already written (resume), or the one before --from-position. */
  after?: Position;
  /** Inclusive; null when the log was empty at the start, so there is nothing to export. */
  toPosition: Position | null;
  batchSize: number;
  onProgress?: (counts: ExportCounts) => void;
}>;

export const logFilterOf = (selection: EventsSelection): LogFilter | undefined =>
  selection.types || selection.categories ? { eventTypes: selection.types, categories: selection.categories } : undefined;

/** The position before `--from-position`: the port reads strictly after a position. */
export const afterFromPosition = (fromPosition: string | undefined): Position | undefined =>
  fromPosition === undefined || BigInt(fromPosition) === 0n ? undefined : BigInt(fromPosition) - 1n;

/**
 * One event a line, in log order, through the event-store port (either adapter), a batch at a
 * time. The time range is on occurredAt, which the log is not ordered by (a channel may report
 * an old one), so the whole position range is read and filtered here.
 */
export async function exportEvents(store: EventStore, selection: EventsSelection, run: EventsRun): Promise<ExportCounts> {
  const counts: ExportCounts = { read: 0, written: 0 };
  const { toPosition } = run;
  if (toPosition === null) return counts;
  const inTime = timeFilterOf(selection);
  const filter = logFilterOf(selection);
  let after = run.after;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: run.batchSize, filter });
    let lines = '';
    let reachedEnd = batch.length === 0;
    for (const event of batch) {
      if (event.position > toPosition) {
        reachedEnd = true;
        break;
      }
      counts.read++;
      if (inTime(event)) {
        lines += eventLine(event);
        counts.written++;
      }
    }
    await run.output.write(lines);
    run.onProgress?.(counts);
    if (reachedEnd) return counts;
    after = batch[batch.length - 1].position;
  }
}

/** The NDJSON line of one event: bigints as decimal strings, recordedAt in ISO 8601 UTC. */
export function eventLine(event: RecordedEvent): string {
  return `${JSON.stringify(recordedEventJson(event))}\n`;
}

/** When the fact happened: metadata.occurredAt, else data.occurredAt, else when it was recorded. */
export function occurredAtOf(event: RecordedEvent): number {
  for (const candidate of [event.metadata.occurredAt, event.data.occurredAt]) {
    if (typeof candidate === 'string') {
      const at = Date.parse(candidate);
      if (!Number.isNaN(at)) return at;
    }
  }
  return event.recordedAt.getTime();
}

function timeFilterOf(selection: EventsSelection): (event: RecordedEvent) => boolean {
  const since = selection.since === undefined ? -Infinity : Date.parse(selection.since);
  const until = selection.until === undefined ? Infinity : Date.parse(selection.until);
  if (since === -Infinity && until === Infinity) return () => true;
  return (event) => {
    const at = occurredAtOf(event);
    return at >= since && at < until;
  };
}
