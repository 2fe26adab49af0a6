import { Inject, Injectable } from '@nestjs/common';
import { RecentlyUsed } from '@switchboard/platform';
import type { Decider } from '@switchboard/dialogs';
import { EVENT_STORE, EventStore, RecordedEvent } from '@switchboard/event-store';
import type { CommandResult } from '../request-context';

/** What an earlier run of a keyed command recorded, found again when the request is retried. */
export type EarlierRun = Omit<CommandResult, 'streamId' | 'duplicate'>;

/** A stream folded up to a revision: the state decisions need and the keyed runs recorded in it. */
export interface FoldedStream<State> {
  readonly state: State;
  /** The last revision folded in; undefined for a stream with no events. */
  readonly revision: bigint | undefined;
  readonly position: bigint | null;
  /**
   * By `runKey`: keyed runs recorded in the stream, so a retry is found without a scan. One map
   * per kept stream, shared by its folds and only ever added to: every entry is a fact the store
   * holds, true for any fold of the stream, and a new fold need not copy what grows with it.
   */
  readonly runs: ReadonlyMap<string, EarlierRun>;
}

/** What folding a stream needs of a decider. */
export type Fold<Event, State> = Pick<Decider<never, Event, State, never>, 'evolve' | 'initialState'>;

export const STREAM_STATE_CACHE_SIZE = Symbol('STREAM_STATE_CACHE_SIZE');

/**
 * Each stream's decided state, kept in process by stream and revision, so that a command reads
 * only the events recorded after the state it has: its cost does not grow with the stream's
 * length. The store stays the truth: `current` reads what is newer than the kept revision (from
 * any process); `kept` answers without reading, for a command that appends expecting that exact
 * revision, so the store refuses it if the stream moved on. A state is kept only for a revision
 * the store confirmed, and an append whose outcome is unknown keeps nothing. Bounded: the least
 * recently used streams are dropped.
 */
@Injectable()
export class StreamStates {
  private readonly folds: RecentlyUsed<string, FoldedStream<unknown>>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(STREAM_STATE_CACHE_SIZE) capacity: number,
  ) {
    this.folds = new RecentlyUsed(capacity);
  }

  /** The stream as the store has it now. */
  async current<State, Event>(streamId: string, decider: Fold<Event, State>): Promise<FoldedStream<State>> {
    const known = this.folds.get(streamId) as FoldedStream<State> | undefined;
    const from = known?.revision === undefined ? undefined : known.revision + 1n;
    const newer = await this.store.readStream(streamId, from === undefined ? undefined : { fromRevision: from });
    const folded = foldOnto(known ?? emptyFold(decider.initialState), newer, decider);
    this.keep(streamId, folded);
    return folded;
  }

  /** The kept state, without asking the store whether it is still current. */
  kept<State, Event>(streamId: string, _decider: Fold<Event, State>): FoldedStream<State> | undefined {
    return this.folds.get(streamId) as FoldedStream<State> | undefined;
  }

  /** After an append the store confirmed at `revision`: the state the command decided is that revision's. */
  confirm<State>(streamId: string, folded: FoldedStream<State>): void {
    this.keep(streamId, folded);
  }

  private keep(streamId: string, folded: FoldedStream<unknown>): void {
    const known = this.folds.get(streamId);
    // Two commands on one stream may finish in either order; the newer revision stays.
    if (known !== undefined && (known.revision ?? -1n) > (folded.revision ?? -1n)) return;
    this.folds.set(streamId, folded);
  }
}

export function emptyFold<State>(state: State): FoldedStream<State> {
  return { state, revision: undefined, position: null, runs: new Map() };
}

/** Folds recorded events onto a folded stream: a new state, the same map of runs added to. */
export function foldOnto<State, Event>(folded: FoldedStream<State>, events: readonly RecordedEvent[], decider: Fold<Event, State>): FoldedStream<State> {
  if (events.length === 0) return folded;
  const runs = folded.runs as Map<string, EarlierRun>;
  let state = folded.state;
  for (const event of events) {
    state = decider.evolve(state, event as unknown as Event);
    const key = runKeyOfRecorded(event);
    const earlier = key === undefined ? undefined : runs.get(key);
    // Two folds from one kept state may read the same events; a run takes each event once.
    if (key === undefined || (earlier !== undefined && earlier.revision >= event.revision)) continue;
    runs.set(key, { revision: event.revision, position: event.position, eventTypes: [...(earlier?.eventTypes ?? []), event.type] });
  }
  const last = events[events.length - 1];
  return { state, revision: last.revision, position: last.position, runs };
}

/** Records a keyed run this process appended, once the store confirmed it. */
export function recordRun(runs: ReadonlyMap<string, EarlierRun>, key: string, run: EarlierRun): void {
  (runs as Map<string, EarlierRun>).set(key, run);
}

/** Who ran which command under which key: the identity of one request's work on one stream. */
export function runKey(actor: { kind: string; id: string }, idempotencyKey: string, commandType: string): string {
  return JSON.stringify([actor.kind, actor.id, idempotencyKey, commandType]);
}

function runKeyOfRecorded(event: RecordedEvent): string | undefined {
  const meta = event.metadata as { idempotencyKey?: string; commandType?: string; actor?: { kind?: string; id?: string } };
  if (meta.idempotencyKey === undefined || meta.commandType === undefined || meta.actor?.kind === undefined || meta.actor.id === undefined) {
    return undefined;
  }
  return runKey({ kind: meta.actor.kind, id: meta.actor.id }, meta.idempotencyKey, meta.commandType);
}
