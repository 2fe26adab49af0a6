import type { Pool } from 'pg';
import { readDatabaseOf, type ReadDatabase } from '../queries/shared/read-database';
import { startTestKit } from './read-models-test-kit';

/** The test kit's database seen as a query handler sees it: rows written by hand, read through `db`. */
export interface QueryTestDatabase {
  readonly url: string;
  readonly pool: Pool;
  readonly db: ReadDatabase;
  close(): Promise<void>;
}

export async function startQueryTestDatabase(): Promise<QueryTestDatabase> {
  const kit = await startTestKit();
  return { url: kit.db.url, pool: kit.pool, db: readDatabaseOf(kit.pool), close: () => kit.close() };
}
