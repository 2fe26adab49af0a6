import { Client } from 'pg';
import { ensureDatabase, loadConfig, openLocalPostgres } from '@switchboard/platform';

export interface BenchDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * A fresh database for one benchmark run, on DATABASE_URL's server or the embedded one, with
 * production settings (fsync and synchronous commit on): figures measured without durability
 * would flatter every write. Calling it again for a second database reuses the server.
 */
export async function freshBenchDatabase(name: string): Promise<BenchDatabase> {
  const config = loadConfig();
  let adminUrl: string;
  let stop = async (): Promise<void> => undefined;
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    // Statement statistics for bench:load's profile, planning included (a statement planned on
    // every call costs the server as much as running it); a server already running is reused as it is.
    const settings = { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' };
    const server = await openLocalPostgres(config.embedded, { settings });
    adminUrl = server.adminUrl;
    stop = () => server.stop();
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  const url = await ensureDatabase(adminUrl, name);
  return { url, close: stop };
}
