import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// By relative path: Jest loads its global setup without the moduleNameMapper that maps the aliases.
import { startEmbeddedPostgres } from '../../libs/platform/src/database/embedded-postgres';

/**
 * One real PostgreSQL for the whole run. With TEST_DATABASE_URL (a server's maintenance
 * database) tests use that server; otherwise an embedded server is started. Durability is off:
 * this cluster holds only throwaway test databases.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  // Under the system temp directory, which the `postgres` user can always reach when the tests
  // run as root, wherever the checkout is.
  const dataDir = join(process.env.TEST_PG_DATA_DIR ?? join(tmpdir(), 'switchboard-test-postgres'));
  await mkdir(join(dataDir, '..'), { recursive: true });
  const server = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.TEST_PG_PORT ?? 54329),
    // A fixed password, unlike the service's generated one: this cluster holds only throwaway
    // test databases (durability off), listens on loopback only, and a fixed value lets every
    // jest run, and engineers sharing the machine, reuse one server without handing a file around.
    password: 'postgres',
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '400' },
  });
  process.env.TEST_DATABASE_URL = server.adminUrl;
  (globalThis as { __testPostgres?: { stop(): Promise<void> } }).__testPostgres = server;
}
