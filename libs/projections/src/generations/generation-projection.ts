import type { Projection } from '../projection';
import { checkpointNameOf, type Generation } from './generation-catalog';
import type { VersionedProjection } from './read-model';

/** The generation a runner writes into is no longer what it was started for: it was switched away from. */
export class GenerationSwitchedError extends Error {
  override readonly name = 'GenerationSwitchedError';
  constructor(readonly generation: Generation) {
    super(`generation ${generation.generation} of ${generation.projection} is no longer ${generation.status}`);
  }
}

/**
 * The projection writing into one generation's tables. Every batch first takes the
 * generation's catalogue row FOR SHARE, which a switch must wait for, and sees whether it is
 * still what the runner started with; then it binds the unqualified table names to the
 * generation's schema for the rest of the transaction.
 */
export function projectionInto(projection: VersionedProjection, generation: Generation): Projection {
  return {
    name: checkpointNameOf(generation),
    filter: projection.filter,
    async handle(events, tx) {
      const { rows } = await tx.query<{ status: string }>(
        `SELECT status FROM projections.generations WHERE projection = $1 AND generation = $2 FOR SHARE`,
        [generation.projection, generation.generation],
      );
      if (rows[0]?.status !== generation.status) throw new GenerationSwitchedError(generation);
      await tx.query(`SET LOCAL search_path TO ${generation.schema}`);
      await projection.handle(events, tx);
    },
  };
}
