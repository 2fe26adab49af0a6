import { buildGenerations } from './build-generations';
import type { Generation } from './generation-catalog';
import type { BuildDependencies, BuildOptions, BuildResult } from './generation-build';
import type { VersionedProjection } from './read-model';

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
