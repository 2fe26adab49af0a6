import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import type { EventStore, Position, RecordedEvent, Subscription } from '@switchboard/event-store';
import { EventStoreUnavailableError } from '@switchboard/event-store';
import { isDatabaseUnavailable } from '@switchboard/platform';
import type { CheckpointStore } from './checkpoint-store';
import { inTransaction } from './in-transaction';
import type { Projection } from './projection';
import type { ProjectionLock } from './projection-lock';

export interface RunnerOptions {
  batchSize?: number;
  /** When set, the runner holds the projection's lock (see ProjectionLock) while it runs. */
  lock?: ProjectionLock;
  /** Attempts at a failing batch before it is taken apart to find the failing event. */
  attempts?: number;
}

/**
 * Follows the log for one projection. Each batch and the new checkpoint commit in one
 * transaction, so a crash anywhere neither loses nor repeats an effect. A batch that keeps
 * failing is replayed event by event; the event that fails is recorded with its error, the
 * projection stops, and it stays stopped (also across restarts) until someone skips the event.
 * Outages of the database are waited out, not counted as failures.
 */
export class ProjectionRunner {
  private subscription?: Subscription;
  private position?: Position;
  private readonly logger: Logger;

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly checkpoints: CheckpointStore,
    private readonly options: RunnerOptions = {},
  ) {
    this.logger = new Logger(`Projection ${projection.name}`);
  }

  get currentPosition(): Position | undefined {
    return this.position;
  }

  get running(): boolean {
    return this.subscription !== undefined;
  }

  /** Ended by itself (a failed event, a lost checkpoint race), not stopped by its owner. */
  get idle(): boolean {
    return this.subscription === undefined && this.standby === undefined && !this.starting && !this.stopped;
  }

  private standby?: NodeJS.Timeout;
  private stopped = false;
  private starting = false;

  /**
   * Starts following the log; with a lock, only once this process holds it, retrying every
   * few seconds as a standby while another process runs the projection.
   */
  async start(): Promise<void> {
    if (this.starting) return;
    this.starting = true;
    try {
      await this.tryStart();
    } finally {
      this.starting = false;
    }
  }

  private async tryStart(): Promise<void> {
    this.stopped = false;
    const lock = this.options.lock;
    if (lock && !(await lock.tryAcquire())) {
      this.logger.log('another process runs this projection; standing by');
      this.standby = setTimeout(() => {
        this.standby = undefined;
        void this.start().catch((e: unknown) => this.logger.error(String(e)));
      }, 5000);
      return;
    }
    if (this.stopped) {
      await lock?.release();
      return;
    }
    await this.follow();
  }

  private async follow(): Promise<void> {
    const checkpoint = await this.checkpoints.load(this.projection.name);
    if (checkpoint.status === 'failed') {
      this.logger.error(
        `stopped at event ${checkpoint.failedEventId} (${checkpoint.failedEventType}, position ${checkpoint.failedPosition}): ${checkpoint.error}`,
      );
      await this.options.lock?.release();
      return;
    }
    this.position = checkpoint.position;
    const subscription = this.store.subscribeToAll((batch) => this.apply(batch), {
      after: this.position,
      filter: this.projection.filter,
      batchSize: this.options.batchSize ?? 500,
    });
    this.subscription = subscription;
    subscription.done.then(
      () => undefined,
      (error: unknown) => {
        if (this.subscription === subscription) this.subscription = undefined;
        this.logger.error(`stopped: ${String(error)}`);
      },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.standby);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.options.lock?.release();
  }

  private async apply(batch: RecordedEvent[]): Promise<void> {
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.commit(batch);
        return;
      } catch (error) {
        if (isOutage(error)) {
          this.logger.warn(`database unavailable, retrying: ${String(error)}`);
          await sleep(Math.min(5000, 250 * attempt));
          continue;
        }
        if (attempt < attempts) {
          await sleep(100 * 4 ** attempt);
          continue;
        }
        break;
      }
    }
    for (const event of batch) {
      try {
        await this.commit([event]);
      } catch (error) {
        await this.checkpoints.fail(this.projection.name, event, error);
        this.logger.error(`failed on event ${event.id} (${event.type}, position ${event.position}): ${String(error)}`);
        throw new ProjectionFailedError(this.projection.name, event, error);
      }
    }
  }

  private async commit(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1].position;
    await inTransaction(this.pool, async (tx) => {
      await this.projection.handle(events, tx);
      await this.checkpoints.advance(tx, this.projection.name, this.position, last);
    });
    this.position = last;
  }

}

export class ProjectionFailedError extends Error {
  override readonly name = 'ProjectionFailedError';
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(`projection ${projection} failed on event ${event.id} (${event.type}): ${String(cause)}`);
  }
}

function isOutage(error: unknown): boolean {
  return error instanceof EventStoreUnavailableError || isDatabaseUnavailable(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
