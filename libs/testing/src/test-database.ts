import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MigrationClass, runMigrations } from '@switchboard/platform';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the test server, migrated, for one test file. */
export async function createTestDatabase(migrations: readonly MigrationClass[]): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: run tests through jest (global setup)');
  const name = `sb_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString(), migrations);
  return {
    url: url.toString(),
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
