import { createHash } from 'node:crypto';
import type { EventToAppend, JsonObject, RecordedEvent, StreamRevision } from '../event-store.port';
import { canonicalJson } from './canonical-json';

/** Metadata keys the chain adds to every event it writes. */
export const HASH_KEY = 'hash';
export const PREVIOUS_HASH_KEY = 'previousHash';

/** What one event's hash covers: everything the writer chose, plus its place in its stream. */
export interface HashedContent {
  streamId: string;
  revision: StreamRevision;
  id: string;
  type: string;
  data: JsonObject;
  /** With `previousHash`, without `hash`. */
  metadata: JsonObject;
}

/**
 * SHA-256 (hex) of the canonical JSON of {streamId, revision (decimal text), id, type, data,
 * metadata without `hash`}. The global position and the recording time are left out: the
 * store assigns them during the append, after the hash is taken.
 */
export function hashOf(content: HashedContent): string {
  const { [HASH_KEY]: _sealed, ...metadata } = content.metadata;
  const canonical = canonicalJson({
    streamId: content.streamId,
    revision: content.revision.toString(),
    id: content.id,
    type: content.type,
    data: content.data,
    metadata,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** The hash an event was sealed with, or undefined for an event written before the chain. */
export function recordedHashOf(event: Pick<RecordedEvent, 'metadata'>): string | undefined {
  const hash = event.metadata[HASH_KEY];
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * The value the next event's `previousHash` carries for this event: its sealed hash, or for an
 * unchained (older) event its content hash recomputed now, so the chain also pins the last
 * event written before it began.
 */
export function linkTo(event: RecordedEvent): string {
  return recordedHashOf(event) ?? hashOf(event);
}

/** The last event of a stream, as far as the chain needs it. */
export interface ChainTip {
  revision: StreamRevision;
  hash: string;
}

/**
 * Seals `events` to follow `tip` (undefined: they start the stream): each gets `previousHash`
 * (null for revision 0) and its own `hash`, in order.
 */
export function sealEvents(streamId: string, tip: ChainTip | undefined, events: readonly EventToAppend[]): EventToAppend[] {
  let previous: string | null = tip?.hash ?? null;
  let revision = tip === undefined ? 0n : tip.revision + 1n;
  return events.map((event) => {
    const metadata: JsonObject = { ...(event.metadata ?? {}), [PREVIOUS_HASH_KEY]: previous };
    delete metadata[HASH_KEY];
    const hash = hashOf({ streamId, revision, id: event.id, type: event.type, data: event.data, metadata });
    previous = hash;
    revision += 1n;
    return { ...event, metadata: { ...metadata, [HASH_KEY]: hash } };
  });
}
