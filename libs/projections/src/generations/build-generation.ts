import type { Pool } from 'pg';
import type { EventStore } from '@switchboard/event-store';
import type { CheckpointStore } from '../checkpoint-store';
import type { ProjectionLock } from '../projection-lock';
import type { Generation, GenerationCatalog } from './generation-catalog';
import { buildGenerations } from './build-generations';
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
  deps: BuildDependencies,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const { lock, total, ...rest } = options;
  const [result] = await buildGenerations([{ projection, generation }], deps, { ...rest, locks: [lock], totals: [total] });
  return result;
}
