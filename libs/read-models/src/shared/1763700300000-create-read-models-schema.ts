import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The schema of the dialog read models, and its counters. Counters live here rather than in
 * sequences because they must roll back with the batch that moved them and restart with a rebuild.
 */
export class CreateReadModelsSchema1763700300000 implements MigrationInterface {
  name = 'CreateReadModelsSchema1763700300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS read_models`);
    await q.query(`
      CREATE TABLE read_models.counters (
        name  text   PRIMARY KEY,
        value bigint NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA read_models CASCADE`);
  }
}
