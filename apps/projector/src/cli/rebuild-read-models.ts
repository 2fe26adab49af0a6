import { Pool } from 'pg';
import type { EventStore } from '@switchboard/event-store';
import { ProgressBar } from '@switchboard/platform';
import {
  buildGenerations,
  CheckpointStore,
  checkpointNameOf,
  GenerationCatalog,
  ProjectionLock,
  type BuildTarget,
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
  // Several at once share one read of the log (buildGenerations): read and decoded once, each
  // batch feeds every read model, each in its own transaction, while the next batch is read.
  const rebuild = async (projections: readonly VersionedProjection[]): Promise<RebuildSummary[]> => {
    const targets: BuildTarget[] = [];
    for (const projection of projections) targets.push({ projection, generation: await catalog.buildTarget(projection) });
    const names = targets.map((t) => checkpointNameOf(t.generation));
    // The totals serve only the progress bars: each is a count over the log, which a quiet
    // rebuild does not pay for.
    const totals: (number | undefined)[] = options.quiet
      ? targets.map(() => undefined)
      : await Promise.all(targets.map(async ({ projection }, index) => countEvents(pool, projection.filter, (await checkpoints.load(names[index])).position)));
    const bars = targets.map(({ projection, generation }, index) =>
      options.quiet ? undefined : new ProgressBar(`${projection.name} generation ${generation.generation}`, totals[index]),
    );
    const results = await buildGenerations(
      targets,
      { store, pool, checkpoints, catalog },
      {
        totals,
        batchSize: options.batchSize,
        locks: names.map((name) => new ProjectionLock(databaseUrl, name)),
        onProgress: (p) => bars[targets.findIndex((t) => t.projection.name === p.projection)]?.update(p.processed),
      },
    );
    return results.map((result, index) => {
      bars[index]?.finish(result.processed);
      return { projection: result.projection, generation: result.generation, events: result.processed, seconds: result.elapsedMs / 1000 };
    });
  };
  try {
    if (options.parallel) return await rebuild(selected);
    const summaries: RebuildSummary[] = [];
    for (const projection of selected) summaries.push(...(await rebuild([projection])));
    return summaries;
  } finally {
    await pool.end();
  }
}
