import { decideAppend, type ExpectedRevision } from './append-decision';

/** One event as the double keeps it: what was proposed plus what the server assigned. */
export interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  /** Commit and prepare position alike: every append commits its own events. */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** 100-ns ticks since the Unix epoch, as the server's `created` metadata carries them. */
  readonly createdTicks: bigint;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export interface StreamState {
  readonly events: readonly StoredEvent[];
  /** The latest event per id: what the server's committed-events cache answers. */
  readonly byId: ReadonlyMap<string, StoredEvent>;
}

export type AppendOutcome =
  | { readonly kind: 'success'; readonly currentRevision?: bigint; readonly position?: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly currentRevision?: bigint };

/** A (commit, prepare) pair as clients send it; compared as a pair, commit first. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

// A real log starts with the server's own records and positions are byte offsets, so the double
// neither starts at 0 nor advances by 1: code that does arithmetic on positions fails here too.
const FIRST_POSITION = 128n;
const RECORD_OVERHEAD = 96;

/** The in-memory transaction log: streams, `$all` in commit order, and append notifications. */
export class EventLog {
  private readonly allEvents: StoredEvent[] = [];
  private readonly streams = new Map<string, { events: StoredEvent[]; byId: Map<string, StoredEvent> }>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = FIRST_POSITION;

  /** `$all`, oldest first. */
  get all(): readonly StoredEvent[] {
    return this.allEvents;
  }

  stream(streamId: string): StreamState | undefined {
    return this.streams.get(streamId);
  }

  append(streamId: string, expected: ExpectedRevision, proposed: readonly ProposedEvent[]): AppendOutcome {
    const state = this.streams.get(streamId) ?? { events: [], byId: new Map<string, StoredEvent>() };
    const decision = decideAppend(state, expected, proposed.map((p) => p.id));
    const lastRevision = state.events.length > 0 ? BigInt(state.events.length - 1) : undefined;
    if (decision.kind === 'wrong_expected_version') return { kind: 'wrong_expected_version', currentRevision: lastRevision };
    if (decision.kind === 'idempotent') {
      // The server answers a deduplicated retry with the original write's revision and position.
      return { kind: 'success', currentRevision: decision.last.revision, position: decision.last.position };
    }
    if (proposed.length === 0) return { kind: 'success', currentRevision: lastRevision };
    this.streams.set(streamId, state);
    const createdTicks = BigInt(Date.now()) * 10_000n;
    let last: StoredEvent | undefined;
    for (const p of proposed) {
      last = { ...p, streamId, revision: BigInt(state.events.length), position: this.nextPosition, createdTicks };
      this.nextPosition += BigInt(RECORD_OVERHEAD + Buffer.byteLength(streamId) + Buffer.byteLength(p.type) + p.data.length + p.customMetadata.length);
      state.events.push(last);
      state.byId.set(last.id, last);
      this.allEvents.push(last);
    }
    for (const listener of [...this.listeners]) listener();
    return { kind: 'success', currentRevision: last?.revision, position: last?.position };
  }

  /** Index in `$all` of the first event at or after `position` (`after`: strictly after). */
  indexOf(position: LogPosition, bound: 'at_or_after' | 'after'): number {
    let low = 0;
    let high = this.allEvents.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const cmp = compare(this.allEvents[mid].position, position);
      if (cmp < 0 || (cmp === 0 && bound === 'after')) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Calls `listener` after every append that added events; returns the unsubscribe. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function compare(eventPosition: bigint, position: LogPosition): number {
  if (eventPosition !== position.commit) return eventPosition < position.commit ? -1 : 1;
  if (eventPosition !== position.prepare) return eventPosition < position.prepare ? -1 : 1;
  return 0;
}
