import type { AppConfig } from '../config/app-config';
import { embeddedPasswordFile } from '../secrets/embedded-secret-files';
import { readOrCreateSecretFile } from '../secrets/secret-file';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { runningServerPort } from './postmaster-pid';

/** The password clusters were made with before it was generated; replaced at their next start. */
const FORMER_FIXED_PASSWORD = 'postgres';

export interface LocalPostgres extends RunningPostgres {
  port: number;
}

/**
 * The embedded PostgreSQL of the one-machine mode, for the service and every CLI alike: the
 * server already running on the data directory, at whatever port it was started with, or a new
 * one on the configured port; its password generated once and kept beside the data.
 */
export async function openLocalPostgres(
  embedded: AppConfig['embedded'],
  options: { settings?: Record<string, string>; log?: (line: string) => void } = {},
): Promise<LocalPostgres> {
  const port = runningServerPort(embedded.dataDir) ?? embedded.port;
  const password = readOrCreateSecretFile(embeddedPasswordFile(embedded.dataDir));
  const server = await startEmbeddedPostgres({
    dataDir: embedded.dataDir,
    port,
    password,
    formerPasswords: [FORMER_FIXED_PASSWORD],
    ...options,
  });
  return { ...server, port };
}
