import type { Pool } from 'pg';
import { CheckpointStore, checkpointNameOf, GenerationCatalog } from '@switchboard/projections';
import { allProjections, lastPositionFor } from '@switchboard/read-models/testing';

export interface ReadModelProgress {
  projection: string;
  /** Where the live generation's checkpoint stands; undefined before it exists or applied anything. */
  position: bigint | undefined;
  /** The last event in the log the read model reads. */
  target: bigint | undefined;
}

/** Each read model's live checkpoint against the end of the log, as the projector leaves them. */
export async function readModelProgress(pool: Pool): Promise<ReadModelProgress[]> {
  const catalog = new GenerationCatalog(pool);
  const checkpoints = new CheckpointStore(pool);
  return Promise.all(
    allProjections().map(async (projection) => {
      const live = await catalog.live(projection.name);
      const position = live ? (await checkpoints.load(checkpointNameOf(live))).position : undefined;
      return { projection: projection.name, position, target: await lastPositionFor(pool, projection) };
    }),
  );
}

export const caughtUp = (progress: readonly ReadModelProgress[]): boolean =>
  progress.every((p) => p.target === undefined || (p.position !== undefined && p.position >= p.target));

/** How far the slowest read model got (-1 before it applied anything), to see a projector make headway. */
export function slowest(progress: readonly ReadModelProgress[]): bigint {
  const reading = progress.filter((p) => p.target !== undefined).map((p) => p.position ?? -1n);
  return reading.reduce((min, position) => (position < min ? position : min), reading[0] ?? -1n);
}
