import { AppConfig } from '../config/app-config';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

interface Logger {
  log(message: string): void;
}

/** Uses DATABASE_URL when given; otherwise starts (or reuses) the embedded PostgreSQL. */
export async function resolveDatabase(config: AppConfig, logger: Logger): Promise<ResolvedDatabase> {
  if (config.databaseUrl) {
    logger.log(`using the PostgreSQL server at ${redact(config.databaseUrl)} (DATABASE_URL)`);
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const { dataDir, port, database } = config.embedded;
  logger.log(`no DATABASE_URL: starting embedded PostgreSQL on port ${port}, data in ${dataDir}`);
  const server = await startEmbeddedPostgres({ dataDir, port });
  const url = await ensureDatabase(server.adminUrl, database);
  logger.log(`embedded PostgreSQL ready at ${redact(url)}; set DATABASE_URL to use another server`);
  return { url, embedded: true, stop: () => server.stop() };
}

/** Connection strings go to logs without their password. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable connection string>';
  }
}
