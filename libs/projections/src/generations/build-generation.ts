import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EventStore } from '@switchboard/event-store';
import { BatchApplier, sleep } from '../batch-applier';
import type { CheckpointStore } from '../checkpoint-store';
import type { ProjectionLock } from '../projection-lock';
import type { Generation, GenerationCatalog } from './generation-catalog';
import { projectionInto } from './generation-projection';
import type { VersionedProjection } from './read-model';

export interface BuildProgress {
  projection: string;
  generation: number;
  /** Events applied by this run (a resumed build counts from where it resumed). */
  processed: number;
  /** Events to process, when the caller could count them. */
  total?: number;
  elapsedMs: number;
}

export type BuildResult = BuildProgress & Readonly<{ promoted: boolean }>;

export interface BuildOptions {
  batchSize?: number;
  total?: number;
  /** The lock of the generation's checkpoint: one builder per generation across processes. */
  lock?: ProjectionLock;
  onProgress?: (progress: BuildProgress) => void;
  /** Ends the build between two batches, without switching: the process is stopping. */
  signal?: AbortSignal;
}

export interface BuildDependencies {
  store: EventStore;
  pool: Pool;
  checkpoints: CheckpointStore;
  catalog: GenerationCatalog;
}

export class GenerationBusyError extends Error {
  override readonly name = 'GenerationBusyError';
  constructor(readonly generation: Generation) {
    super(`generation ${generation.generation} of ${generation.projection} is being built by another process`);
  }
}

/**
 * Fills a building generation from its checkpoint (the first event for a new one) in large
 * batches, while the live generation keeps serving readers and following the log. Once it has
 * caught up with the log, it switches readers over (GenerationCatalog.promote) and drops the
 * retired tables. A build that is interrupted leaves a consistent, partly filled generation
 * that the next build of the same code resumes.
 */
export async function buildGeneration(
  projection: VersionedProjection,
  generation: Generation,
  { store, pool, checkpoints, catalog }: BuildDependencies,
  options: BuildOptions = {},
): Promise<BuildResult> {
  if (options.lock && !(await options.lock.tryAcquire())) throw new GenerationBusyError(generation);
  const started = Date.now();
  const batchSize = options.batchSize ?? 5000;
  let processed = 0;
  const progress = (): BuildProgress => ({
    projection: projection.name,
    generation: generation.generation,
    processed,
    total: options.total,
    elapsedMs: Date.now() - started,
  });
  try {
    const into = projectionInto(projection, generation);
    const checkpoint = await checkpoints.load(into.name, into.filter ?? {});
    if (checkpoint.status === 'failed') {
      // It waits for someone to review and skip the event (POST /projections/{name}/skip).
      throw new Error(
        `${into.name} stopped at event ${checkpoint.failedEventId} (${checkpoint.failedEventType}, position ${checkpoint.failedPosition}): ${checkpoint.error}`,
      );
    }
    const applier = new BatchApplier(into, pool, checkpoints, new Logger(`Build ${into.name}`), 3, checkpoint.position);
    while (!options.signal?.aborted) {
      const batch = await store.readAll({ after: applier.position, maxCount: batchSize, filter: projection.filter });
      if (batch.length > 0) {
        await applier.apply(batch);
        processed += batch.length;
        options.onProgress?.(progress());
      }
      if (batch.length < batchSize) {
        if (await catalog.promote(projection, generation)) {
          await catalog.dropRetired(projection.name);
          return { ...progress(), promoted: true };
        }
        // The live generation is ahead by what arrived since this read; read on.
        if (batch.length === 0) await sleep(20);
      }
    }
    return { ...progress(), promoted: false };
  } finally {
    await options.lock?.release();
  }
}
