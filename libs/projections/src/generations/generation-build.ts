import type { Pool } from 'pg';
import type { EventStore } from '@switchboard/event-store';
import type { CheckpointStore } from '../checkpoint-store';
import type { ProjectionLock } from '../projection-lock';
import type { Generation, GenerationCatalog } from './generation-catalog';

// What building generations takes and reports, for one target (buildGeneration) or several sharing a read (buildGenerations).

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
