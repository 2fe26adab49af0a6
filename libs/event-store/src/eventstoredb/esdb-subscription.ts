import type { BatchHandler, LogFilter, Position, RecordedEvent, Subscription } from '../event-store.port';
import { Client, START } from './esdb-client';
import { unavailableOr } from './esdb-errors';
import { matches, serverFilter, toRecordedEvent } from './esdb-mapping';

/**
 * A catch-up subscription to `$all`, filtered on the server, delivered to the handler in
 * batches: whatever the client has buffered (up to `batchSize`) goes in one call, and the next
 * event is read only after the handler finished, so a slow handler slows the subscription
 * instead of filling memory. A handler error ends it (`done` rejects).
 */
export class EsdbSubscription implements Subscription {
  readonly done: Promise<void>;
  private live = false;
  private stopped = false;
  private readonly stream: ReturnType<Client['subscribeToAll']>;

  constructor(
    client: Client,
    private readonly handler: BatchHandler,
    private readonly options: { after?: Position; filter?: LogFilter; batchSize: number },
  ) {
    const fromPosition = options.after === undefined ? START : { commit: options.after, prepare: options.after };
    this.stream = client.subscribeToAll({ fromPosition, filter: serverFilter(options.filter), requiresLeader: true });
    // Servers from 23.10 say when a catch-up subscription has reached the end of the log.
    this.stream.on('caughtUp', () => (this.live = true));
    this.done = this.run();
  }

  get isLive(): boolean {
    return this.live;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.stream.unsubscribe().catch(() => undefined);
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let batch: RecordedEvent[] = [];
    try {
      for await (const resolved of this.stream) {
        if (this.stopped) break;
        const event = toRecordedEvent(resolved);
        // The server starts after `after`; the check keeps that true whatever it sends.
        if (event && matches(event, this.options.filter) && (this.options.after === undefined || event.position > this.options.after)) {
          batch.push(event);
        }
        if (batch.length >= this.options.batchSize || this.stream.readableLength === 0) {
          if (batch.length > 0) await this.handler(batch);
          batch = [];
        }
      }
    } catch (error) {
      if (!this.stopped) throw unavailableOr(error);
    } finally {
      // Ending the loop (a handler error included) must end the server-side call too.
      if (!this.stopped) await this.stream.unsubscribe().catch(() => undefined);
    }
  }
}
