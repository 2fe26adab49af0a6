import {
  AppendResult,
  BatchHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { BACKWARDS, Client, END, FORWARDS, jsonEvent, START, StreamNotFoundError, WrongExpectedVersionError } from './esdb-client';
import { matches, toRecordedEvent } from './esdb-mapping';
import { EsdbSubscription } from './esdb-subscription';

/**
 * The production adapter. Positions are EventStoreDB's commit positions; appends carry the
 * callers' event ids, which EventStoreDB deduplicates for a retry at the same expected
 * revision. Reading `$all` filters on this side (the client's readAll has no server filter);
 * subscriptions filter on the server.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: Client;

  constructor(connectionString: string) {
    this.client = Client.connectionString(connectionString);
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const proposed = events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data, metadata: e.metadata ?? {} }));
    try {
      const result = await this.client.appendToStream(streamId, proposed, { expectedRevision });
      if (!result.position) throw new EventStoreUnavailableError(`append to ${streamId} answered without a position`);
      return { nextRevision: result.nextExpectedRevision, position: result.position.commit };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(streamId, expectedRevision, error.actualVersion === 'no_stream' ? 'no_stream' : BigInt(error.actualVersion));
      }
      throw unavailableOr(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw unavailableOr(error);
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? 1000;
    const events: RecordedEvent[] = [];
    const after = options.after;
    try {
      const read = this.client.readAll({
        direction: FORWARDS,
        // The server reads from the position inclusive; the port's `after` is exclusive.
        fromPosition: after === undefined ? START : { commit: after, prepare: after },
        // Unfiltered, the server can stop at the count (one more: `after` itself comes back).
        ...(options.filter ? {} : { maxCount: maxCount + 1 }),
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (!event || (after !== undefined && event.position <= after) || !matches(event, options.filter)) continue;
        events.push(event);
        if (events.length >= maxCount) {
          // Leaving a read early leaves its call open unless it is cancelled at once.
          await read.cancel();
          break;
        }
      }
    } catch (error) {
      throw unavailableOr(error);
    }
    return events;
  }

  async headPosition(): Promise<Position | undefined> {
    try {
      // Backwards from the end, past EventStoreDB's own system events, to the last of ours.
      const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1000 });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event) {
          await read.cancel();
          return event.position;
        }
      }
    } catch (error) {
      throw unavailableOr(error);
    }
    return undefined;
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    return new EsdbSubscription(this.client, handler, { after: options.after, filter: options.filter, batchSize: options.batchSize ?? 500 });
  }

  async ping(): Promise<void> {
    await this.readStream('$switchboard-ping', { maxCount: 1 });
  }

  /**
   * The client's dispose waits for every stream it opened to finish; a read stopped early is
   * cancelled but may never report it, so shutdown does not wait for it longer than a moment.
   */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const moment = new Promise<void>((resolve) => (timer = setTimeout(resolve, 1000)));
    await Promise.race([this.client.dispose(), moment]);
    clearTimeout(timer);
  }
}

function unavailableOr(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  // gRPC UNAVAILABLE (14) and DEADLINE_EXCEEDED (4): the server cannot be reached now.
  if (code === 14 || code === 4) return new EventStoreUnavailableError('EventStoreDB cannot be reached', error);
  return error;
}
