import type { LogFilter, Position, RecordedEvent } from '../event-store.port';
import { BACKWARDS, Client, END, FORWARDS, START, type AllStreamResolvedEvent } from './esdb-client';
import { matches, serverFilter, toRecordedEvent } from './esdb-mapping';

/**
 * Records asked of the server per call. A production `$all` holds long runs of records no reader
 * of ours sees (the built-in projections' `$>` links, stats, settings), so a page of our events
 * is gathered over as many of these as it takes.
 */
const CHUNK = 1000;

type RecordPosition = { commit: bigint; prepare: bigint };

/** The record's own place in `$all`: a link's, not its target's. */
const recordPosition = (resolved: AllStreamResolvedEvent): RecordPosition | undefined =>
  resolved.link?.position ??
  resolved.event?.position ??
  (resolved.commitPosition === undefined ? undefined : { commit: resolved.commitPosition, prepare: resolved.commitPosition });

const after = (a: RecordPosition, b: RecordPosition): boolean => a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);

/**
 * Up to `maxCount` of our events strictly after `from`, read forwards in chunks; short only at
 * the head of the log, whatever runs of system records lie in between.
 */
export async function readPage(client: Client, from: Position | undefined, maxCount: number): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let cursor: RecordPosition | undefined = from === undefined ? undefined : { commit: from, prepare: from };
  // A small page starts with a small read; a read that found too few asks for whole chunks.
  let chunk = Math.min(CHUNK, maxCount);
  for (;;) {
    let records = 0;
    let last: RecordPosition | undefined;
    // The server reads from a position inclusive, so one record more: the cursor's own.
    const read = client.readAll({ direction: FORWARDS, fromPosition: cursor ?? START, maxCount: chunk + 1, requiresLeader: true });
    for await (const resolved of read) {
      records += 1;
      const position = recordPosition(resolved);
      if (!position || (cursor && !after(position, cursor))) continue;
      last = position;
      const event = toRecordedEvent(resolved);
      if (event) events.push(event);
      if (events.length >= maxCount) {
        // Leaving a read early leaves its call open unless it is cancelled at once.
        await read.cancel();
        return events;
      }
    }
    if (records <= chunk || !last) return events;
    cursor = last;
    chunk = CHUNK;
  }
}

/** The position of our last event, walking back from the end past any run of system records. */
export async function lastEventPosition(client: Client): Promise<Position | undefined> {
  let cursor: RecordPosition | undefined;
  for (;;) {
    let records = 0;
    const read = client.readAll({ direction: BACKWARDS, fromPosition: cursor ?? END, maxCount: CHUNK, requiresLeader: true });
    for await (const resolved of read) {
      records += 1;
      const event = toRecordedEvent(resolved);
      if (event) {
        await read.cancel();
        return event.position;
      }
      cursor = recordPosition(resolved) ?? cursor;
    }
    if (records < CHUNK || !cursor) return undefined;
  }
}

/** The position of the last record in `$all`, whoever wrote it: the end bound of a filtered read. */
async function lastRecordPosition(client: Client): Promise<RecordPosition | undefined> {
  for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, requiresLeader: true })) {
    return recordPosition(resolved);
  }
  return undefined;
}

/**
 * Up to `maxCount` events matching `filter` strictly after `from`, filtered on the server and
 * bounded by the end of the log when the read began. The v6 client's readAll cannot filter, so
 * this runs as a filtered catch-up subscription that stops at the bound: at an event or a
 * checkpoint past it, or when the server says it has caught up (servers from 23.10).
 */
export async function readFilteredPage(client: Client, from: Position | undefined, maxCount: number, filter: LogFilter): Promise<RecordedEvent[]> {
  const bound = await lastRecordPosition(client);
  if (!bound || (from !== undefined && from >= bound.commit)) return [];
  const events: RecordedEvent[] = [];
  return new Promise<RecordedEvent[]>((resolve, reject) => {
    let finished = false;
    const finish = (error?: unknown): void => {
      if (finished) return;
      finished = true;
      void subscription.unsubscribe().catch(() => undefined);
      if (error) reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
      else resolve(events);
    };
    const reached = (position: RecordPosition): boolean => !after(bound, position);
    const subscription = client.subscribeToAll({
      fromPosition: from === undefined ? START : { commit: from, prepare: from },
      filter: serverFilter(filter, { checkpointReached: (_subscription, position) => void (reached(position) && finish()) }),
      requiresLeader: true,
    });
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      if (finished) return;
      const position = recordPosition(resolved);
      const event = toRecordedEvent(resolved);
      if (event && (from === undefined || event.position > from) && matches(event, filter)) events.push(event);
      if (events.length >= maxCount || (position && reached(position))) finish();
    });
    subscription.on('caughtUp', () => finish());
    subscription.on('error', (error) => finish(error));
  });
}
