import {
  AppendResult,
  BatchHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  LogPage,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { logPageOf } from '../log-page';
import { BACKWARDS, Client, END, FORWARDS, jsonEvent, START, StreamNotFoundError, WrongExpectedVersionError } from './esdb-client';
import { unavailableOr } from './esdb-errors';
import { lastEventPosition, readFilteredPage, readPage } from './esdb-log-reads';
import { toRecordedEvent } from './esdb-mapping';
import { EsdbSubscription } from './esdb-subscription';

/**
 * The production adapter. Positions are EventStoreDB's commit positions; appends carry the
 * callers' event ids, which EventStoreDB deduplicates for a retry at the same expected
 * revision. Every call requires the leader, so a follower answers NotLeader with the leader's
 * address (the client then reconnects there) and a read sees every acknowledged write.
 * Filtered reads and subscriptions filter on the server; `$all`'s system records (the
 * projections' links among them) never reach callers.
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
      const result = await this.client.appendToStream(streamId, proposed, { expectedRevision, requiresLeader: true });
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
        requiresLeader: true,
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
    try {
      const filtered = options.filter?.categories?.length || options.filter?.eventTypes?.length;
      return filtered
        ? await readFilteredPage(this.client, options.after, maxCount, options.filter ?? {})
        : await readPage(this.client, options.after, maxCount);
    } catch (error) {
      throw unavailableOr(error);
    }
  }

  /**
   * A filtered read looks through the log at least as far as the head was before it began, when
   * its page is short: the head is read first. An unfiltered page looks through its last event.
   */
  async readPage(options: ReadAllOptions = {}): Promise<LogPage> {
    const filtered = options.filter?.categories?.length || options.filter?.eventTypes?.length;
    const head = filtered ? await this.headPosition() : undefined;
    const events = await this.readAll(options);
    return logPageOf(events, { after: options.after, maxCount: options.maxCount ?? 1000, seenThrough: head });
  }

  async headPosition(): Promise<Position | undefined> {
    try {
      return await lastEventPosition(this.client);
    } catch (error) {
      throw unavailableOr(error);
    }
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    return new EsdbSubscription(this.client, handler, { after: options.after, filter: options.filter, batchSize: options.batchSize ?? 500 });
  }

  /**
   * A read any user may make: a stream of ours that is never written (system streams are for
   * `$admins` once the server runs secure), from the leader, as every other call.
   */
  async ping(): Promise<void> {
    await this.readStream('switchboard-ping', { maxCount: 1 });
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
