import { Client } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';

/** Any fixed number; processes starting together take turns on it. */
const MIGRATION_LOCK = 7_310_524;

export type MigrationClass = new () => MigrationInterface;

/**
 * Applies pending migrations. Schema only ever changes here, never through `synchronize`.
 * Each migration runs in its own transaction, so a failure leaves the earlier ones applied.
 */
export async function runMigrations(url: string, migrations: readonly MigrationClass[]): Promise<string[]> {
  // The API and the projector may start at once against one database.
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await applyPending(url, migrations);
  } finally {
    await lock.end();
  }
}

async function applyPending(url: string, migrations: readonly MigrationClass[]): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [...migrations],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
