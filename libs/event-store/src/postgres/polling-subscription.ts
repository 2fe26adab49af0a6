import { BatchHandler, Position, RecordedEvent, Subscription } from '../event-store.port';

export interface PollingOptions {
  after?: Position;
  /** Shortest and longest pause between polls that found nothing. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Called when reading fails; the subscription keeps retrying with backoff. */
  onReadError?: (error: unknown) => void;
}

/**
 * Catch-up then live: reads batches until the log is exhausted, then polls with exponential
 * backoff, woken early by append notifications. Reads fail over to backoff, so a database
 * restart pauses the subscription rather than ending it. A handler error ends it (`done`
 * rejects): the owner decides whether to retry, because only it knows its checkpoint.
 */
export class PollingSubscription implements Subscription {
  readonly done: Promise<void>;
  private live = false;
  private stopped = false;
  private wakeUp?: () => void;
  /** Set by a notification that came while reading, so the next pause is skipped. */
  private woken = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly read: (after: Position | undefined) => Promise<RecordedEvent[]>,
    private readonly handler: BatchHandler,
    onAppended: (wake: () => void) => () => void,
    private readonly options: PollingOptions = {},
  ) {
    this.unsubscribe = onAppended(() => {
      this.woken = true;
      this.wakeUp?.();
    });
    this.done = this.run().finally(() => this.unsubscribe());
  }

  get isLive(): boolean {
    return this.live;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const minDelay = this.options.minDelayMs ?? 5;
    const maxDelay = this.options.maxDelayMs ?? 500;
    let after = this.options.after;
    let delay = minDelay;
    while (!this.stopped) {
      let batch: RecordedEvent[];
      this.woken = false;
      try {
        batch = await this.read(after);
      } catch (error) {
        this.options.onReadError?.(error);
        await this.pause(Math.max(delay, 250));
        delay = Math.min(maxDelay * 4, Math.max(delay * 2, 250));
        continue;
      }
      if (batch.length > 0) {
        if (this.stopped) break;
        await this.handler(batch);
        after = batch[batch.length - 1].position;
        delay = minDelay;
        continue;
      }
      this.live = true;
      await this.pause(delay);
      delay = Math.min(maxDelay, delay * 2);
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
