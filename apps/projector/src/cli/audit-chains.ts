import { Pool } from 'pg';
import {
  countLogEvents,
  eventsInStreamOrder,
  eventsOfStream,
  verifyChains,
  type ChainBreak,
  type EventStore,
  type RecordedEvent,
  type StreamChainReport,
} from '@switchboard/event-store';
import { ProgressBar } from '@switchboard/platform';

export interface ChainAuditSummary {
  streams: number;
  events: number;
  /** Events written before chaining began: present, but not covered by any hash. */
  unchained: number;
  /** The first break of each broken stream. */
  breaks: ChainBreak[];
  /** Named streams that hold no event. */
  missingStreams: string[];
}

/**
 * Recomputes the hash chain of the named streams (through the store, any adapter), or of every
 * stream in the PostgreSQL log (read in stream order, in pages), and names each stream's first
 * broken link.
 */
export async function auditChains(
  store: EventStore,
  databaseUrl: string,
  streamIds: readonly string[],
  options: { quiet?: boolean; pageSize?: number; onStream?: (report: StreamChainReport) => void } = {},
): Promise<ChainAuditSummary> {
  const summary: ChainAuditSummary = { streams: 0, events: 0, unchained: 0, breaks: [], missingStreams: [] };
  const onReport = (report: StreamChainReport) => {
    summary.streams += 1;
    summary.unchained += report.unchained;
    if (report.broken) summary.breaks.push(report.broken);
    options.onStream?.(report);
  };
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const total = streamIds.length === 0 ? await countLogEvents(pool) : undefined;
    const bar = options.quiet ? undefined : new ProgressBar('verify', total);
    const onProgress = (read: number) => {
      summary.events = read;
      bar?.update(read);
    };
    const source = streamIds.length === 0 ? eventsInStreamOrder(pool, options.pageSize) : namedStreams(store, streamIds, summary, options.pageSize);
    await verifyChains(source, onReport, onProgress);
    bar?.finish(summary.events);
    return summary;
  } finally {
    await pool.end();
  }
}

async function* namedStreams(store: EventStore, streamIds: readonly string[], summary: ChainAuditSummary, pageSize?: number): AsyncGenerator<RecordedEvent> {
  for (const streamId of streamIds) {
    let found = false;
    for await (const event of eventsOfStream(store, streamId, pageSize)) {
      found = true;
      yield event;
    }
    if (!found) summary.missingStreams.push(streamId);
  }
}

const REASONS: Record<ChainBreak['reason'], string> = {
  data_edited: 'data edited',
  link_broken: 'link broken',
  event_missing: 'event missing',
  hash_missing: 'hash missing',
};

/** The report a person reads: each break, then the totals. */
export function formatChainAudit(summary: ChainAuditSummary): string[] {
  const lines: string[] = [];
  for (const b of summary.breaks) {
    lines.push(`BROKEN ${b.streamId} at revision ${b.revision} (event ${b.eventId}, position ${b.position}): ${REASONS[b.reason]}: ${b.detail}`);
    lines.push(`       expected ${b.expected ?? 'null'}`);
    lines.push(`       found    ${b.found ?? 'null'}`);
  }
  for (const streamId of summary.missingStreams) lines.push(`MISSING ${streamId}: no such stream`);
  const intact = summary.streams - summary.breaks.length;
  const verdict = summary.breaks.length === 0 && summary.missingStreams.length === 0 ? 'OK' : 'FAILED';
  lines.push(
    `${verdict}: ${summary.streams} stream(s), ${intact} intact, ${summary.breaks.length} broken; ${summary.events} event(s), ` +
      `${summary.unchained} unchained (written before chaining, not covered)`,
  );
  return lines;
}

export const isIntact = (summary: ChainAuditSummary): boolean => summary.breaks.length === 0 && summary.missingStreams.length === 0;
