import { resolve } from 'node:path';

export type EventStoreKind = 'postgres' | 'eventstoredb';

export interface AppConfig {
  port: number;
  /** Address the HTTP server binds; undefined: every interface (production's default). */
  host?: string;
  /** Absent: an embedded PostgreSQL is started (see `embedded`). */
  databaseUrl?: string;
  embedded: { dataDir: string; port: number; database: string };
  eventStore: { kind: EventStoreKind; connectionString?: string };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** One JSON object per line (production default) or readable lines (development default). */
  logFormat: 'json' | 'pretty';
  /** `token`: bearer token `/metrics` demands when set; `port`: the projector's own metrics listener. */
  metrics: { token?: string; port?: number };
  /** How many streams' decided states the write side keeps in memory (least recently used go). */
  streamStateCacheSize: number;
}

export const LOOPBACK = '127.0.0.1';

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const address = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return address === 'localhost' || address === '::1' || /^127(\.\d{1,3}){3}$/.test(address) || /^::ffff:127(\.\d{1,3}){3}$/.test(address);
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the environment once, failing fast with the name of the variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: integer(env, 'PORT', 3000),
    // Outside production the service is reachable from this machine only until HOST says
    // otherwise: a development setup should not be a public one by accident.
    host: env.HOST || (env.NODE_ENV === 'production' ? undefined : LOOPBACK),
    databaseUrl: env.DATABASE_URL || undefined,
    embedded: {
      dataDir: resolve(env.EMBEDDED_PG_DATA_DIR || '.data/postgres'),
      port: integer(env, 'EMBEDDED_PG_PORT', 54320),
      database: env.EMBEDDED_PG_DATABASE || 'switchboard',
    },
    eventStore: {
      kind: oneOf(env, 'EVENT_STORE', ['postgres', 'eventstoredb'] as const, 'postgres'),
      connectionString: env.EVENTSTOREDB_URL || undefined,
    },
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    metrics: {
      token: env.METRICS_TOKEN || undefined,
      port: env.METRICS_PORT ? integer(env, 'METRICS_PORT', 0) : undefined,
    },
    streamStateCacheSize: integer(env, 'STREAM_STATE_CACHE_SIZE', 5000),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}
