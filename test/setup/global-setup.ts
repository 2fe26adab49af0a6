import { startEmbeddedPostgres } from '../../libs/platform/src/database/embedded-postgres';

/**
 * One real PostgreSQL for the whole run. With TEST_DATABASE_URL (a server's maintenance
 * database) tests use that server; otherwise an embedded server is started. Durability is off:
 * this cluster holds only throwaway test databases.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const server = await startEmbeddedPostgres({
    dataDir: '.data/test-postgres',
    port: Number(process.env.TEST_PG_PORT ?? 54329),
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '400' },
  });
  process.env.TEST_DATABASE_URL = server.adminUrl;
  (globalThis as { __testPostgres?: { stop(): Promise<void> } }).__testPostgres = server;
}
