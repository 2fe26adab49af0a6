import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models became versioned: each generation lives in a schema of its own, created by the
 * projector from the projection's definition, and `read_models` holds only views of the live
 * ones. Tables from before are dropped with their checkpoints (read models are disposable: the
 * projector rebuilds them from the log on its next start).
 */
export class VersionReadModels1763700400000 implements MigrationInterface {
  name = 'VersionReadModels1763700400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA IF EXISTS read_models CASCADE`);
    await q.query(`DELETE FROM projections.checkpoints WHERE name LIKE 'read-models.%'`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the read models are rebuilt from the log.
  }
}
