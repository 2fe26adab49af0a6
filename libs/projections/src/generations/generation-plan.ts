import { isCurrent, type Generation } from './generation-catalog';
import { shapeOf, type VersionedProjection } from './read-model';

export type GenerationPlan = Readonly<{
  /** Whether this process runs the live generation with its code. */
  runLive: boolean;
  /** Whether this process builds (or resumes building) a generation of its own code. */
  build: boolean;
  /** Why, for the log. */
  reason: string;
}>;

/**
 * What a process should do about one read model, given the live generation and the code it
 * runs. Versions only go up: code older than the live generation leaves the read model to the
 * newer code (during a rolling deployment the old and the new processes would otherwise rebuild
 * in turn for ever). Newer code builds its own generation; meanwhile it keeps the live one
 * current if the tables have the same shape, and leaves it as it stands if they do not.
 */
export function planGeneration(live: Generation, building: readonly Generation[], projection: VersionedProjection): GenerationPlan {
  const version = projection.readModel.version;
  const sameShape = live.shape === shapeOf(projection.readModel);
  if (live.version > version) {
    return { runLive: false, build: false, reason: `generation ${live.generation} is of a newer version (${live.version} > ${version})` };
  }
  const resumable = building.some((g) => isCurrent(g, projection));
  if (live.version < version) {
    return {
      runLive: sameShape,
      build: true,
      reason: sameShape
        ? `version ${version} replaces ${live.version}; the live generation keeps following the log meanwhile`
        : `version ${version} replaces ${live.version} with other tables; the live generation is served as it stands meanwhile`,
    };
  }
  if (!sameShape) {
    // The tables changed but the version did not: rebuild all the same, the code cannot write the live tables.
    return { runLive: false, build: true, reason: `the tables of version ${version} changed shape: raise the version when they do` };
  }
  return { runLive: true, build: resumable, reason: resumable ? 'an interrupted rebuild resumes' : 'up to date' };
}
