import { WrongExpectedRevisionError } from '../event-store.errors';
import {
  ANY,
  AppendResult,
  BatchHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  LogPage,
  NO_STREAM,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  STREAM_EXISTS,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { ChainTipCache } from './chain-tip-cache';
import { ChainTip, HASH_KEY, linkTo, sealEvents } from './event-hash';

/** Appends that expect `any` or `stream_exists` lose races to other writers; they chain again this often. */
export const MAX_CHAIN_ATTEMPTS = 50;

/**
 * Seals every appended event into its stream's hash chain (see event-hash.ts), over any adapter.
 *
 * The chain must not fork: two appends chained to the same tip must not both land. So every
 * append goes to the store with the exact revision it chained to. A caller's exact revision or
 * `no_stream` is kept as it is (a conflict reaches the caller as before, and a retried append is
 * still recognised by the store); `any` and `stream_exists` become the revision read, and an
 * append that loses the race reads the new tip and chains again.
 */
export class HashChainedEventStore implements EventStore {
  private readonly tips = new ChainTipCache();

  constructor(private readonly inner: EventStore) {}

  async appendToStream(streamId: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const requested = options.expectedRevision;
    // Expecting no stream, or the revision a read just saw last, needs no read of the tip.
    if (requested === NO_STREAM) return this.appendChained(streamId, events, requested, undefined);
    const known = typeof requested === 'bigint' ? this.tips.hashAt(streamId, requested) : undefined;
    if (known !== undefined) return this.appendChained(streamId, events, requested, { revision: requested as bigint, hash: known });
    for (let attempt = 1; ; attempt++) {
      const last = await this.lastEvent(streamId);
      if (last !== undefined && converts(requested) && isRetryOfTail(last, events)) {
        // Already the tail of the stream: the store answers with the first result and writes
        // nothing (EventStoreDB only recognises such a retry under the caller's own expectation).
        return this.inner.appendToStream(streamId, events, options);
      }
      const exact = exactExpectation(streamId, requested, last);
      try {
        return await this.appendChained(streamId, events, exact, tipOf(last));
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // Name what the caller asked for, not the revision this store put in its place.
        if (!converts(requested) || attempt >= MAX_CHAIN_ATTEMPTS) throw new WrongExpectedRevisionError(streamId, requested, error.actual);
      }
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events = await this.inner.readStream(streamId, options);
    this.tips.noteRead(streamId, options, events);
    return events;
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  readPage(options?: ReadAllOptions): Promise<LogPage> {
    return this.inner.readPage(options);
  }

  headPosition(): Promise<Position | undefined> {
    return this.inner.headPosition();
  }

  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(handler, options);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Appends `events` sealed to follow `tip`, expecting exactly the revision they were sealed after. */
  private async appendChained(streamId: string, events: readonly EventToAppend[], exact: ExpectedRevision, tip: ChainTip | undefined): Promise<AppendResult> {
    const sealed = sealEvents(streamId, tip, events);
    const result = await this.inner.appendToStream(streamId, sealed, { expectedRevision: exact });
    // Only a tail this call wrote is known to carry these hashes: a retry the store recognised
    // answers with an earlier append, sealed from other content.
    const hash = sealed.at(-1)?.metadata?.[HASH_KEY];
    if (result.written === true && typeof hash === 'string') this.tips.noteAppended(streamId, result.nextRevision, hash);
    return result;
  }

  private async lastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last;
  }
}

const tipOf = (last: RecordedEvent | undefined): ChainTip | undefined => (last === undefined ? undefined : { revision: last.revision, hash: linkTo(last) });

/**
 * The expectation to append with, given the tip just read. A caller's exact revision ahead of
 * the tip is refused here: the stream could reach it before the append lands, and the events,
 * chained to the older tip, would then fork the chain. (A retry never expects more than the
 * stream has: the first attempt succeeded at that revision.)
 */
function exactExpectation(streamId: string, requested: ExpectedRevision, last: RecordedEvent | undefined): ExpectedRevision {
  const current = last?.revision;
  switch (requested) {
    case NO_STREAM:
      return NO_STREAM;
    case ANY:
      return current ?? NO_STREAM;
    case STREAM_EXISTS:
      if (current === undefined) throw new WrongExpectedRevisionError(streamId, requested, 'no_stream');
      return current;
    default:
      if (current === undefined || requested > current) throw new WrongExpectedRevisionError(streamId, requested, current ?? 'no_stream');
      return requested;
  }
}

const converts = (requested: ExpectedRevision): boolean => requested === ANY || requested === STREAM_EXISTS;

const isRetryOfTail = (last: RecordedEvent, events: readonly EventToAppend[]): boolean => events.at(-1)?.id === last.id;
