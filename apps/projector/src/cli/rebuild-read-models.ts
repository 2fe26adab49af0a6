import { Pool } from 'pg';
import type { EventStore } from '@switchboard/event-store';
import { ProgressBar } from '@switchboard/platform';
import { CheckpointStore, Projection, ProjectionLock, rebuildProjection } from '@switchboard/projections';
import { readModelProjections } from '@switchboard/read-models';
import { countEvents } from './count-events';

export interface RebuildSummary {
  projection: string;
  events: number;
  seconds: number;
}

export const readModelNames = (): string[] => readModelProjections.map((P) => new P().name);

/**
 * Rebuilds the named read models (all when `names` is empty) from the first event, one after the
 * other, each with a progress bar. Refuses a read model a running projector holds.
 */
export async function rebuildReadModels(
  store: EventStore,
  databaseUrl: string,
  names: readonly string[],
  options: { batchSize?: number; quiet?: boolean; parallel?: boolean } = {},
): Promise<RebuildSummary[]> {
  const all: Projection[] = readModelProjections.map((P) => new P());
  const unknown = names.filter((n) => !all.some((p) => p.name === n));
  if (unknown.length > 0) throw new Error(`unknown read model(s) ${unknown.join(', ')}; known: ${all.map((p) => p.name).join(', ')}`);
  const selected = names.length === 0 ? all : all.filter((p) => names.includes(p.name));
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const checkpoints = new CheckpointStore(pool);
  const rebuild = async (projection: Projection): Promise<RebuildSummary> => {
    const total = await countEvents(pool, projection.filter);
    const bar = options.quiet ? undefined : new ProgressBar(projection.name, total);
    const result = await rebuildProjection(projection, store, pool, checkpoints, {
      total,
      batchSize: options.batchSize,
      lock: new ProjectionLock(databaseUrl, projection.name),
      onProgress: (p) => bar?.update(p.processed),
    });
    bar?.finish(result.processed);
    return { projection: projection.name, events: result.processed, seconds: result.elapsedMs / 1000 };
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
