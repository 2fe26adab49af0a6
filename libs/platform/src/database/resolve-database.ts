import { AppConfig } from '../config/app-config';
import { ensureDatabase } from './embedded-postgres';
import { openLocalPostgres } from './local-postgres';
import { runningServerPort } from './postmaster-pid';

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
  const running = runningServerPort(dataDir);
  logger.log(
    running === undefined
      ? `no DATABASE_URL: starting embedded PostgreSQL on port ${port}, data in ${dataDir}`
      : `no DATABASE_URL: using the embedded PostgreSQL already running on port ${running}, data in ${dataDir}`,
  );
  const server = await openLocalPostgres(config.embedded);
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
