import { BatchHandler, LogPage, Position, Subscription } from '../event-store.port';

export interface PollingOptions {
  after?: Position;
  /** Shortest and longest pause between polls that found nothing. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Called when reading fails; the subscription keeps retrying with backoff. */
  onReadError?: (error: unknown) => void;
  /** See SubscribeOptions: told how far reads looked past the last batch, now and then. */
  onProgress?: (lookedThrough: Position) => Promise<void>;
  progressEveryMs?: number;
  /** The clock that paces progress reports (tests give their own). */
  now?: () => number;
}

const PROGRESS_EVERY_MS = 10_000;

/**
 * Catch-up then live: reads batches until the log is exhausted, then polls with exponential
 * backoff, woken early by append notifications. Each read starts after what the last one
 * looked through, not after the last event it matched, so a filter that matches rarely does not
 * read the same events again on every poll; the owner hears of that progress now and then.
 * Reads fail over to backoff, so a database restart pauses the subscription rather than ending
 * it. A handler error ends it (`done` rejects): the owner decides whether to retry, because
 * only it knows its checkpoint.
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
    private readonly read: (after: Position | undefined) => Promise<LogPage>,
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
    const progress = new ProgressPacing(this.options);
    let after = this.options.after;
    let delay = minDelay;
    while (!this.stopped) {
      let page: LogPage;
      this.woken = false;
      try {
        page = await this.read(after);
      } catch (error) {
        this.options.onReadError?.(error);
        await this.pause(Math.max(delay, 250));
        delay = Math.min(maxDelay * 4, Math.max(delay * 2, 250));
        continue;
      }
      const batch = page.events;
      if (batch.length > 0) {
        if (this.stopped) break;
        await this.handler(batch);
        after = batch[batch.length - 1].position;
        progress.handedOver(after);
      }
      if (page.lookedThrough !== undefined && (after === undefined || page.lookedThrough > after)) after = page.lookedThrough;
      if (batch.length > 0) {
        delay = minDelay;
        continue;
      }
      this.live = true;
      if (after !== undefined && !this.stopped) await progress.lookedThrough(after);
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

/**
 * When the owner hears how far the reads looked: only past what it already knows (the last
 * batch it took or the last report), and not within `progressEveryMs` of either, so that a
 * checkpoint written from it costs one write per interval at most, not one per poll. The first
 * report comes at once: an owner restarted far behind moves its checkpoint on the first poll.
 */
class ProgressPacing {
  private known?: Position;
  private knownAt = -Infinity;
  private readonly every: number;
  private readonly now: () => number;

  constructor(private readonly options: PollingOptions) {
    this.known = options.after;
    this.every = options.progressEveryMs ?? PROGRESS_EVERY_MS;
    this.now = options.now ?? Date.now;
  }

  handedOver(position: Position): void {
    this.known = position;
    this.knownAt = this.now();
  }

  async lookedThrough(position: Position): Promise<void> {
    const report = this.options.onProgress;
    if (!report || (this.known !== undefined && position <= this.known) || this.now() - this.knownAt < this.every) return;
    await report(position);
    this.known = position;
    this.knownAt = this.now();
  }
}
