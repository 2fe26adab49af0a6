/** How long a read waits for the read models to reach its minPosition, and how often it looks. */
export interface ReadYourWritesConfig {
  readonly timeoutMs: number;
  readonly pollMs: number;
}

export const READ_YOUR_WRITES_CONFIG = Symbol('ReadYourWritesConfig');

const DEFAULT_TIMEOUT_MS = 2_000;
const MAX_TIMEOUT_MS = 60_000;
// Often enough that a caught-up projection is noticed within a frame; rare enough that a
// waiting request costs the database a few dozen cheap index probes a second.
const POLL_MS = 15;

/** READ_YOUR_WRITES_TIMEOUT_MS, read at start; a wrong value stops the process naming the variable. */
export function readYourWritesConfigFrom(env: NodeJS.ProcessEnv): ReadYourWritesConfig {
  const raw = env.READ_YOUR_WRITES_TIMEOUT_MS;
  if (raw === undefined || raw === '') return { timeoutMs: DEFAULT_TIMEOUT_MS, pollMs: POLL_MS };
  const timeoutMs = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(timeoutMs >= 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new Error(`READ_YOUR_WRITES_TIMEOUT_MS must be a whole number of milliseconds from 0 to ${MAX_TIMEOUT_MS}, not "${raw}"`);
  }
  return { timeoutMs, pollMs: POLL_MS };
}
