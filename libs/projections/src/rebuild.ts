import type { Pool } from 'pg';
import type { EventStore, Position } from '@switchboard/event-store';
import type { CheckpointStore } from './checkpoint-store';
import { inTransaction } from './in-transaction';
import type { Projection } from './projection';
import type { ProjectionLock } from './projection-lock';

export interface RebuildProgress {
  projection: string;
  processed: number;
  /** Events to process, when the caller could count them. */
  total?: number;
  elapsedMs: number;
}

export interface RebuildOptions {
  batchSize?: number;
  total?: number;
  lock?: ProjectionLock;
  onProgress?: (progress: RebuildProgress) => void;
}

export class ProjectionBusyError extends Error {
  override readonly name = 'ProjectionBusyError';
  constructor(readonly projection: string) {
    super(`projection ${projection} is running in a projector process; stop it before rebuilding`);
  }
}

/**
 * Rebuilds a projection from the first event: empties its tables and resets its checkpoint in
 * one transaction, then replays the log in large batches, each committed with its checkpoint,
 * until it has caught up. A crash midway leaves a consistent, partly rebuilt read model that the
 * projector (or a new rebuild) continues from its checkpoint.
 */
export async function rebuildProjection(
  projection: Projection,
  store: EventStore,
  pool: Pool,
  checkpoints: CheckpointStore,
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  if (!projection.reset) throw new Error(`projection ${projection.name} cannot be reset`);
  if (options.lock && !(await options.lock.tryAcquire())) throw new ProjectionBusyError(projection.name);
  const started = Date.now();
  const progress = (processed: number): RebuildProgress => ({
    projection: projection.name,
    processed,
    total: options.total,
    elapsedMs: Date.now() - started,
  });
  try {
    await checkpoints.load(projection.name);
    await inTransaction(pool, async (tx) => {
      await projection.reset!(tx);
      await checkpoints.reset(tx, projection.name);
    });
    let after: Position | undefined;
    let processed = 0;
    for (;;) {
      const batch = await store.readAll({ after, maxCount: options.batchSize ?? 5000, filter: projection.filter });
      if (batch.length === 0) break;
      const last = batch[batch.length - 1].position;
      const from = after;
      await inTransaction(pool, async (tx) => {
        await projection.handle(batch, tx);
        await checkpoints.advance(tx, projection.name, from, last);
      });
      after = last;
      processed += batch.length;
      options.onProgress?.(progress(processed));
    }
    return progress(processed);
  } finally {
    await options.lock?.release();
  }
}
