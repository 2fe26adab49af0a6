import { ConfigError } from '@switchboard/platform';

/** The injection token of the WebhooksConfig in the API and the projector. */
export const WEBHOOKS_CONFIG = Symbol('WebhooksConfig');

export interface WebhooksConfig {
  /** How long one request may take, connecting included. */
  timeoutMs: number;
  /** Attempts at one event before it goes to the dead letters. */
  maxAttempts: number;
  /** The wait before the second attempt; each later wait doubles, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How often the projector looks for created, paused, resumed and deleted subscriptions. */
  pollMs: number;
  /**
   * How often, at most, an idle subscription's checkpoint moves past the events its filters
   * skipped: a restart then does not look through them again. One write per interval, not per poll.
   */
  skipCheckpointMs: number;
  /** Allows URLs that resolve to loopback, private or link-local addresses (tests, intranets). */
  allowPrivateUrls: boolean;
}

/** Reads the WEBHOOK_* variables, failing fast with the name of the one that is wrong. */
export function webhooksConfigFrom(env: NodeJS.ProcessEnv): WebhooksConfig {
  const config = {
    timeoutMs: positiveInteger(env, 'WEBHOOK_TIMEOUT_MS', 10_000),
    maxAttempts: positiveInteger(env, 'WEBHOOK_MAX_ATTEMPTS', 12),
    retryBaseMs: positiveInteger(env, 'WEBHOOK_RETRY_BASE_MS', 1_000),
    retryMaxMs: positiveInteger(env, 'WEBHOOK_RETRY_MAX_MS', 600_000),
    pollMs: positiveInteger(env, 'WEBHOOK_POLL_MS', 2_000),
    skipCheckpointMs: positiveInteger(env, 'WEBHOOK_SKIP_CHECKPOINT_MS', 10_000),
    allowPrivateUrls: flag(env, 'WEBHOOK_ALLOW_PRIVATE_URLS'),
  };
  if (config.retryMaxMs < config.retryBaseMs) {
    throw new ConfigError(`WEBHOOK_RETRY_MAX_MS must be at least WEBHOOK_RETRY_BASE_MS (${config.retryBaseMs})`);
  }
  return config;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}
