import type { Position, RecordedEvent, StreamRevision } from '../event-store.port';
import { hashOf, linkTo, PREVIOUS_HASH_KEY, recordedHashOf } from './event-hash';

/**
 * Why a chain does not verify, at the first event where it stops doing so:
 * - `data_edited`: the event's content no longer hashes to the hash it was sealed with;
 * - `link_broken`: its `previousHash` is not the hash of the event before it (that one was
 *   changed and resealed, replaced, or the link itself was edited);
 * - `event_missing`: revisions are skipped (or the stream does not start at 0): events were deleted;
 * - `hash_missing`: an event after the chain began carries no hash (stripped, or slipped in).
 */
export type ChainBreakReason = 'data_edited' | 'link_broken' | 'event_missing' | 'hash_missing';

export interface ChainBreak {
  streamId: string;
  revision: StreamRevision;
  eventId: string;
  position: Position;
  reason: ChainBreakReason;
  /** What the chain says should be there (see `ChainBreakReason`), null for "no previous event". */
  expected: string | null;
  /** What was found instead. */
  found: string | null;
  detail: string;
}

export interface StreamChainReport {
  streamId: string;
  /** Events checked, up to and including the first break. */
  events: number;
  /** Events written before chaining began (no hash): reported, not verifiable by the chain. */
  unchained: number;
  /** The hash of the last event checked: what an auditor may anchor elsewhere. */
  lastHash: string | null;
  lastRevision: StreamRevision | null;
  broken: ChainBreak | null;
}

/**
 * Checks one stream's chain, fed its events in revision order (in pages, so memory stays
 * constant). Only the first break is kept: everything after it is suspect anyway.
 */
export class StreamChainVerifier {
  private previous: RecordedEvent | undefined;
  private chainBegun = false;
  private events = 0;
  private unchained = 0;
  private broken: ChainBreak | null = null;

  constructor(readonly streamId: string) {}

  get isBroken(): boolean {
    return this.broken !== null;
  }

  add(event: RecordedEvent): void {
    if (this.broken) return;
    this.events += 1;
    this.broken = this.check(event);
    this.previous = event;
  }

  report(): StreamChainReport {
    const last = this.previous;
    return {
      streamId: this.streamId,
      events: this.events,
      unchained: this.unchained,
      lastHash: last === undefined ? null : linkTo(last),
      lastRevision: last?.revision ?? null,
      broken: this.broken,
    };
  }

  private check(event: RecordedEvent): ChainBreak | null {
    const previous = this.previous;
    const expectedLink = previous === undefined ? null : linkTo(previous);
    const recordedLink = linkOf(event);
    const expectedRevision = previous === undefined ? 0n : previous.revision + 1n;
    const at = (reason: ChainBreakReason, expected: string | null, found: string | null, detail: string): ChainBreak => ({
      streamId: event.streamId,
      revision: event.revision,
      eventId: event.id,
      position: event.position,
      reason,
      expected,
      found,
      detail,
    });
    if (event.revision !== expectedRevision) {
      const gap = event.revision - 1n === expectedRevision ? `revision ${expectedRevision} is` : `revisions ${expectedRevision} to ${event.revision - 1n} are`;
      return at('event_missing', expectedLink, recordedLink ?? null, `${gap} missing before this event`);
    }
    const sealed = recordedHashOf(event);
    if (sealed === undefined) {
      if (!this.chainBegun) {
        this.unchained += 1;
        return null;
      }
      return at('hash_missing', null, null, 'the event carries no hash although the chain began before it');
    }
    this.chainBegun = true;
    const actual = hashOf(event);
    if (actual !== sealed) {
      return at('data_edited', sealed, actual, 'the event no longer hashes to the hash it was sealed with');
    }
    if (recordedLink !== expectedLink) {
      return at('link_broken', expectedLink, recordedLink ?? null, 'previousHash is not the hash of the event before');
    }
    return null;
  }
}

function linkOf(event: RecordedEvent): string | null | undefined {
  const link = event.metadata[PREVIOUS_HASH_KEY];
  return typeof link === 'string' || link === null ? link : undefined;
}
