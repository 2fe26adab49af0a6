/** Settings of the live event stream, read at start from the environment. */
export interface EventLogStreamConfig {
  /** A comment line this often keeps proxies and load balancers from closing an idle stream. */
  readonly heartbeatMs: number;
  /** The reconnection delay announced to clients (`retry:`). */
  readonly retryMs: number;
  /** Open streams one principal may hold at once, per API process. */
  readonly maxStreamsPerPrincipal: number;
}

export const EVENT_LOG_STREAM_CONFIG = Symbol('EventLogStreamConfig');

const settings = {
  heartbeatMs: { variable: 'EVENTS_HEARTBEAT_MS', default: 15_000, min: 10, max: 300_000 },
  retryMs: { variable: 'EVENTS_RETRY_MS', default: 2_000, min: 0, max: 300_000 },
  maxStreamsPerPrincipal: { variable: 'EVENTS_MAX_STREAMS_PER_PRINCIPAL', default: 5, min: 1, max: 1_000 },
} as const;

/** A wrong value stops the process at start, naming the variable. */
export function eventLogStreamConfigFrom(env: NodeJS.ProcessEnv): EventLogStreamConfig {
  const read = (key: keyof typeof settings): number => {
    const { variable, default: fallback, min, max } = settings[key];
    const raw = env[variable];
    if (raw === undefined || raw === '') return fallback;
    const value = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= min && value <= max)) throw new Error(`${variable} must be a whole number from ${min} to ${max}, not "${raw}"`);
    return value;
  };
  return { heartbeatMs: read('heartbeatMs'), retryMs: read('retryMs'), maxStreamsPerPrincipal: read('maxStreamsPerPrincipal') };
}
