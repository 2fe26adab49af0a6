import { Pool } from 'pg';
import type { EventStore } from '@switchboard/event-store';
import { ProgressBar } from '@switchboard/platform';
import {
  buildGeneration,
  CheckpointStore,
  checkpointNameOf,
  GenerationCatalog,
  ProjectionLock,
  type VersionedProjection,
} from '@switchboard/projections';
import { readModelProjections } from '@switchboard/read-models';
import { countEvents } from './count-events';

export interface RebuildSummary {
  projection: string;
  generation: number;
  events: number;
  seconds: number;
}

export const readModelNames = (): string[] => readModelProjections.map((P) => new P().name);

/**
 * Rebuilds the named read models (all when `names` is empty) without downtime: each into a new
 * generation beside the live one, which keeps serving and following the log, then switched to
 * atomically once caught up. An interrupted rebuild resumes where it stopped when run again.
 */
export async function rebuildReadModels(
  store: EventStore,
  databaseUrl: string,
  names: readonly string[],
  options: { batchSize?: number; quiet?: boolean; parallel?: boolean; projections?: readonly VersionedProjection[] } = {},
): Promise<RebuildSummary[]> {
  const all: readonly VersionedProjection[] = options.projections ?? readModelProjections.map((P) => new P());
  const unknown = names.filter((n) => !all.some((p) => p.name === n));
  if (unknown.length > 0) throw new Error(`unknown read model(s) ${unknown.join(', ')}; known: ${all.map((p) => p.name).join(', ')}`);
  const selected = names.length === 0 ? all : all.filter((p) => names.includes(p.name));
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const checkpoints = new CheckpointStore(pool);
  const catalog = new GenerationCatalog(pool);
  const rebuild = async (projection: VersionedProjection): Promise<RebuildSummary> => {
    const generation = await catalog.buildTarget(projection);
    const name = checkpointNameOf(generation);
    const resumedFrom = (await checkpoints.load(name)).position;
    const total = await countEvents(pool, projection.filter, resumedFrom);
    const bar = options.quiet ? undefined : new ProgressBar(`${projection.name} generation ${generation.generation}`, total);
    const result = await buildGeneration(
      projection,
      generation,
      { store, pool, checkpoints, catalog },
      { total, batchSize: options.batchSize, lock: new ProjectionLock(databaseUrl, name), onProgress: (p) => bar?.update(p.processed) },
    );
    bar?.finish(result.processed);
    return { projection: projection.name, generation: generation.generation, events: result.processed, seconds: result.elapsedMs / 1000 };
  };
  try {
    // In parallel, Node folds one projection's batch while PostgreSQL writes another's.
    if (options.parallel) return await Promise.all(selected.map(rebuild));
    const summaries: RebuildSummary[] = [];
    for (const projection of selected) summaries.push(await rebuild(projection));
    return summaries;
  } finally {
    await pool.end();
  }
}
