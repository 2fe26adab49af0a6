import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The generations of each versioned read model: which schema holds each one and whether it is
 * being built, live (behind the `read_models` views) or retired. At most one is live.
 */
export class CreateGenerations1763700100100 implements MigrationInterface {
  name = 'CreateGenerations1763700100100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projections.generations (
        projection  text        NOT NULL,
        generation  integer     NOT NULL,
        version     integer     NOT NULL,
        shape       text        NOT NULL,
        schema_name text        NOT NULL UNIQUE,
        status      text        NOT NULL CHECK (status IN ('building', 'live', 'retired', 'dropped')),
        created_at  timestamptz NOT NULL DEFAULT now(),
        live_at     timestamptz,
        retired_at  timestamptz,
        PRIMARY KEY (projection, generation)
      )`);
    await q.query(`CREATE UNIQUE INDEX generations_one_live ON projections.generations (projection) WHERE status = 'live'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projections.generations`);
  }
}
