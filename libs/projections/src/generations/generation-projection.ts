import type { Projection } from '../projection';
import { prepared } from '../prepared-statement';
import { checkpointNameOf, generationLockKey, type Generation } from './generation-catalog';
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
 * generation's lock shared, which a switch takes exclusively, and sees whether the generation
 * is still what the runner started with; then it binds the unqualified table names to the
 * generation's schema for the rest of the transaction. An advisory lock rather than FOR SHARE
 * on the catalogue row: locking a row gives the transaction an id at once, and every open
 * transaction id holds back the log's read horizon for all subscribers.
 */
export function projectionInto(projection: VersionedProjection, generation: Generation): Projection {
  return {
    name: checkpointNameOf(generation),
    filter: projection.filter,
    async handle(events, tx) {
      // The status is read by a statement after the lock's: one that waited for a switch must
      // see the switch, and a statement sees what was committed when it started. The search
      // path rides along (a wrong generation rolls it back with the rest), and so does the
      // commit's durability: a batch lost in a server crash is lost with its checkpoint, in the
      // same transaction, and projected again, so it need not wait for the disk, which is most
      // of a small batch's commit time on a durable server.
      await tx.query(prepared(`SELECT pg_advisory_xact_lock_shared(hashtext($1))`), [generationLockKey(generation)]);
      const { rows } = await tx.query<{ status: string }>(
        prepared(`SELECT status, set_config('search_path', $3, true), set_config('synchronous_commit', 'off', true)
                    FROM projections.generations WHERE projection = $1 AND generation = $2`),
        [generation.projection, generation.generation, generation.schema],
      );
      if (rows[0]?.status !== generation.status) throw new GenerationSwitchedError(generation);
      await projection.handle(events, tx);
    },
  };
}
