import { decideAppend, type ExpectedRevision } from './append-decision';
import type { AppendOutcome, LogPosition, ProposedEvent, StoredEvent, StreamState } from './log-records';
import { linkTarget, projectionLinks } from './system-projections';

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

  /** `projections`: write the built-in projections' links after each append, as a server running them does. */
  constructor(private readonly options: { projections: boolean } = { projections: false }) {}

  /** `$all`, oldest first. */
  get all(): readonly StoredEvent[] {
    return this.allEvents;
  }

  stream(streamId: string): StreamState | undefined {
    return this.streams.get(streamId);
  }

  append(streamId: string, expected: ExpectedRevision, proposed: readonly ProposedEvent[]): AppendOutcome {
    const state = this.stateOf(streamId);
    const decision = decideAppend(
      state,
      expected,
      proposed.map((p) => p.id),
    );
    const lastRevision = state.events.length > 0 ? BigInt(state.events.length - 1) : undefined;
    if (decision.kind === 'wrong_expected_version') return { kind: 'wrong_expected_version', currentRevision: lastRevision };
    if (decision.kind === 'idempotent') {
      // The server answers a deduplicated retry with the original write's revision and position.
      return { kind: 'success', currentRevision: decision.last.revision, position: decision.last.position };
    }
    if (proposed.length === 0) return { kind: 'success', currentRevision: lastRevision };
    const appended = this.record(streamId, state, proposed);
    if (this.options.projections) {
      for (const [linkStream, link] of projectionLinks(appended)) this.record(linkStream, this.stateOf(linkStream), [link]);
    }
    for (const listener of [...this.listeners]) listener();
    const last = appended[appended.length - 1];
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  /**
   * Appends events to a system stream at once, with no expectation and no projection links:
   * for tests that need a long run of the server's own records (e.g. links) in `$all`.
   */
  appendSystem(streamId: string, proposed: readonly ProposedEvent[]): void {
    if (!streamId.startsWith('$')) throw new RangeError(`${streamId} is not a system stream`);
    if (proposed.length === 0) return;
    this.record(streamId, this.stateOf(streamId), proposed);
    for (const listener of [...this.listeners]) listener();
  }

  /** The event a link points to, or undefined when it is gone (deleted, truncated, never written). */
  resolve(link: StoredEvent): StoredEvent | undefined {
    const target = linkTarget(link);
    return target && this.streams.get(target.streamId)?.events[Number(target.revision)];
  }

  private stateOf(streamId: string): { events: StoredEvent[]; byId: Map<string, StoredEvent> } {
    return this.streams.get(streamId) ?? { events: [], byId: new Map<string, StoredEvent>() };
  }

  private record(streamId: string, state: { events: StoredEvent[]; byId: Map<string, StoredEvent> }, proposed: readonly ProposedEvent[]): StoredEvent[] {
    this.streams.set(streamId, state);
    const createdTicks = BigInt(Date.now()) * 10_000n;
    const appended: StoredEvent[] = [];
    for (const p of proposed) {
      const event: StoredEvent = { ...p, streamId, revision: BigInt(state.events.length), position: this.nextPosition, createdTicks };
      this.nextPosition += BigInt(RECORD_OVERHEAD + Buffer.byteLength(streamId) + Buffer.byteLength(p.type) + p.data.length + p.customMetadata.length);
      state.events.push(event);
      state.byId.set(event.id, event);
      this.allEvents.push(event);
      appended.push(event);
    }
    return appended;
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
