import { Pool } from 'pg';
import { eventStoreMigrations } from '@switchboard/event-store';
import { projectionMigrations } from '@switchboard/projections';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { readModelMigrations } from '../../migrations';
import { goLive } from '../../testing/read-models-test-kit';
import type { ReadDatabase } from '../shared/read-database';

/** A fresh database with the log, the checkpoints and live (empty) read models, for one spec file. */
export interface QueryTestDatabase {
  readonly url: string;
  readonly pool: Pool;
  readonly db: ReadDatabase;
  close(): Promise<void>;
}

export async function startQueryTestDatabase(): Promise<QueryTestDatabase> {
  const database: TestDatabase = await createTestDatabase([...eventStoreMigrations, ...projectionMigrations, ...readModelMigrations]);
  const pool = new Pool({ connectionString: database.url });
  await goLive(pool);
  return {
    url: database.url,
    pool,
    db: { query: async <Row extends object>(sql: string, params: readonly unknown[]) => (await pool.query<Row>(sql, [...params])).rows },
    async close() {
      await pool.end();
      await database.drop();
    },
  };
}
