import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Position, RecordedEvent } from '@switchboard/event-store';
import { EventStoreUnavailableError } from '@switchboard/event-store';
import { isDatabaseUnavailable } from '@switchboard/platform';
import { CheckpointMovedError, type CheckpointStore } from './checkpoint-store';
import { GenerationSwitchedError } from './generations/generation-projection';
import { inTransaction } from './in-transaction';
import type { Projection } from './projection';

/**
 * Applies batches of one projection, each with its checkpoint in one transaction, so a crash
 * anywhere neither loses nor repeats an effect. A batch that keeps failing is replayed event by
 * event; the event that fails is recorded with its error on the checkpoint, which stops the
 * projection until someone skips the event. Outages of the database are waited out, not
 * counted as failures.
 */
export class BatchApplier {
  constructor(
    readonly projection: Projection,
    private readonly pool: Pool,
    private readonly checkpoints: CheckpointStore,
    private readonly logger: Logger,
    private readonly attempts = 3,
    /** The checkpoint the applier starts from. */
    public position?: Position,
  ) {}

  async apply(batch: readonly RecordedEvent[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.commit(batch);
        return;
      } catch (error) {
        if (endsThisRunner(error)) throw error;
        if (isOutage(error)) {
          this.logger.warn(`database unavailable, retrying: ${String(error)}`);
          await sleep(Math.min(5000, 250 * attempt));
          continue;
        }
        if (attempt < this.attempts) {
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
        if (endsThisRunner(error)) throw error;
        await this.checkpoints.fail(this.projection.name, event, error);
        this.logger.error(`failed on event ${event.id} (${event.type}, position ${event.position}): ${String(error)}`);
        throw new ProjectionFailedError(this.projection.name, event, error);
      }
    }
  }

  /**
   * Moves the checkpoint past events the projection does not follow (the log was looked through
   * up to `position` and held none), so a restart does not read them again. Only worth a write
   * now and then; one lost to an outage is left for the next, while a checkpoint moved by
   * another runner or a switched generation ends this runner as a batch would.
   */
  async skipTo(position: Position): Promise<void> {
    if (this.position !== undefined && position <= this.position) return;
    try {
      await inTransaction(this.pool, (tx) => this.checkpoints.advance(tx, this.projection.name, this.position, position));
      this.position = position;
    } catch (error) {
      if (!isOutage(error)) throw error;
      this.logger.warn(`database unavailable, checkpoint left behind the events skipped: ${String(error)}`);
    }
  }

  private async commit(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1].position;
    try {
      await inTransaction(this.pool, async (tx) => {
        await this.projection.handle(events, tx);
        await this.checkpoints.advance(tx, this.projection.name, this.position, last);
      });
    } catch (error) {
      // A connection lost during COMMIT hides whether it committed. If it did, the retry finds
      // the checkpoint already at this batch's end: the batch is applied, nothing to redo.
      if (!(error instanceof CheckpointMovedError) || (await this.checkpoints.load(this.projection.name)).position !== last) throw error;
    }
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

/** Not the batch's fault: the generation was switched away from, or another runner moved the checkpoint. */
function endsThisRunner(error: unknown): boolean {
  return error instanceof GenerationSwitchedError || error instanceof CheckpointMovedError;
}

function isOutage(error: unknown): boolean {
  return error instanceof EventStoreUnavailableError || isDatabaseUnavailable(error);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
