import { Client } from 'pg';
import { ensureDatabase, loadConfig, openLocalPostgres } from '@switchboard/platform';

export interface BenchDatabase {
  url: string;
  close(): Promise<void>;
}

/**
 * A fresh database for one benchmark run, on DATABASE_URL's server or the embedded one, with
 * production settings (fsync and synchronous commit on): figures measured without durability
 * would flatter every write.
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
    const server = await openLocalPostgres(config.embedded);
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
