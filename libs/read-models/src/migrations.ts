import { VersionReadModels1763700400000 } from './shared/1763700400000-version-read-models';

/**
 * In the order they run; after the event store's, the checkpoints' and the write side's. The
 * read models' tables are not migrated: each generation is created from its projection's
 * definition (see `readModel` on each projection).
 */
export const readModelMigrations = [VersionReadModels1763700400000];
