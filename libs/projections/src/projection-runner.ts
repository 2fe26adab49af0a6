import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import type { EventStore, Position, Subscription } from '@switchboard/event-store';
import type { CheckpointStore } from './checkpoint-store';
import { BatchApplier } from './batch-applier';
import { CheckpointMovedError } from './checkpoint-store';
import { GenerationSwitchedError } from './generations/generation-projection';
import type { Projection } from './projection';
import type { ProjectionLock } from './projection-lock';

export interface RunnerOptions {
  batchSize?: number;
  /** When set, the runner holds the projection's lock (see ProjectionLock) while it runs. */
  lock?: ProjectionLock;
  /** Attempts at a failing batch before it is taken apart to find the failing event. */
  attempts?: number;
  /** How often, at most, the checkpoint moves past events the filter skipped (default 10 s). */
  progressEveryMs?: number;
}

/**
 * Follows the log for one projection, applying each batch with its checkpoint (BatchApplier).
 * A projection stopped on a failed event stays stopped, also across restarts, until someone
 * skips the event; one whose generation was switched away from ends quietly.
 */
export class ProjectionRunner {
  private subscription?: Subscription;
  private applier?: BatchApplier;
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
    return this.applier?.position;
  }

  get running(): boolean {
    return this.subscription !== undefined;
  }

  /** Ended by itself (a failed event, a lost checkpoint race), not stopped by its owner. */
  get idle(): boolean {
    return this.subscription === undefined && this.standby === undefined && this.starting === undefined && !this.stopped;
  }

  private standby?: NodeJS.Timeout;
  private stopped = false;
  /** A start in flight, which stop() waits for: otherwise it could subscribe after the stop. */
  private starting?: Promise<void>;

  /**
   * Starts following the log; with a lock, only once this process holds it, retrying every
   * few seconds as a standby while another process runs the projection.
   */
  async start(): Promise<void> {
    if (this.starting) return;
    this.starting = this.tryStart().finally(() => (this.starting = undefined));
    await this.starting;
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
    const checkpoint = await this.checkpoints.load(this.projection.name, this.projection.filter ?? {});
    if (this.stopped) {
      await this.options.lock?.release();
      return;
    }
    if (checkpoint.status === 'failed') {
      this.logger.error(
        `stopped at event ${checkpoint.failedEventId} (${checkpoint.failedEventType}, position ${checkpoint.failedPosition}): ${checkpoint.error}`,
      );
      await this.options.lock?.release();
      return;
    }
    const applier = new BatchApplier(this.projection, this.pool, this.checkpoints, this.logger, this.options.attempts, checkpoint.position);
    this.applier = applier;
    const subscription = this.store.subscribeToAll((batch) => applier.apply(batch), {
      after: checkpoint.position,
      filter: this.projection.filter,
      batchSize: this.options.batchSize ?? 500,
      onProgress: (position) => applier.skipTo(position),
      progressEveryMs: this.options.progressEveryMs,
    });
    this.subscription = subscription;
    subscription.done.then(
      () => undefined,
      (error: unknown) => {
        if (this.subscription === subscription) this.subscription = undefined;
        if (error instanceof GenerationSwitchedError || error instanceof CheckpointMovedError) this.logger.log(`stopped: ${error.message}`);
        else this.logger.error(`stopped: ${String(error)}`);
      },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.standby);
    await this.starting?.catch(() => undefined);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.options.lock?.release();
  }
}
