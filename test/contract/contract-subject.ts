import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, ReadAllOptions, RecordedEvent } from '@switchboard/event-store';

/** What an adapter's spec hands the contract: a store over an empty log, and its switches. */
export interface ContractSubject {
  store: EventStore;
  cleanup(): Promise<void>;
  /**
   * Writes `count` records of the store's own that no reader sees (EventStoreDB: a run of
   * projection links); absent where a store has none, or a real server cannot be made to.
   */
  writeHiddenRun?(count: number): Promise<void> | void;
  /**
   * Moves the leadership to another node, as an election does (EventStoreDB cluster); absent
   * where a store has no leader or a real server cannot be made to change it.
   */
  changeLeader?(): Promise<void> | void;
  /** A store of the same kind configured for a server nobody answers at (a closed port). */
  unreachable(): EventStore;
}

/**
 * What an adapter's backing store can tell apart. EventStoreDB deduplicates a retried append
 * but has no index by event id, so it cannot refuse ids reused in a different append.
 */
export interface ContractCapabilities {
  refusesPartlyReusedIds: boolean;
  /** What a decorating store adds to the metadata of a stream's first event (the hash chain's), as matchers. */
  addsMetadata?: Record<string, unknown>;
}

export function newEvent(type: string, data: Record<string, string | number> = {}, metadata: Record<string, string> = {}): EventToAppend {
  return { id: randomUUID(), type, data, metadata };
}

export function events(count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => newEvent('Happened', { i }));
}

/**
 * The log as readers see it once `seen` holds: an append shows to readers when no older
 * transaction anywhere on the server is still open, and the tests share one server.
 */
export async function readAllUntil(store: EventStore, options: ReadAllOptions, seen: (events: RecordedEvent[]) => boolean): Promise<RecordedEvent[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const events = await store.readAll(options);
    if (seen(events) || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
