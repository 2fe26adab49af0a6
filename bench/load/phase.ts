import type { HttpAnswer } from './http-client';
import { Latencies } from './latencies';

/** What the workers of one phase record into; only answers inside the measured window count. */
export class Window {
  readonly commands = new Latencies();
  readonly queries = new Latencies();
  measuring = false;
  running = true;

  command(kind: string, answer: HttpAnswer, ok = answer.status >= 200 && answer.status < 300): void {
    if (this.measuring) record(this.commands, kind, answer, ok);
  }

  query(kind: string, answer: HttpAnswer): void {
    if (this.measuring) record(this.queries, kind, answer, answer.status === 200);
  }
}

export interface PhaseOptions {
  warmupSeconds: number;
  seconds: number;
  /** CPU seconds each process has used so far, by name. */
  meters: Record<string, () => number>;
  /** Around the measured window: reset statistics, start and stop profilers. */
  atStart?: () => Promise<void>;
  atEnd?: (window: Window) => Promise<void>;
}

export interface PhaseResult {
  window: Window;
  /** When the measured window began (performance.now()), and how long it lasted in seconds. */
  startedAt: number;
  elapsed: number;
  /** CPU seconds used in the window, by the meters' names. */
  cpu: Record<string, number>;
}

/**
 * Runs the workers through a warm-up, then measures for `seconds`: answers, and the CPU each
 * process used in that window. Stops the workers (each finishes its request) before returning.
 */
export async function runPhase(options: PhaseOptions, start: (window: Window) => Promise<void>[]): Promise<PhaseResult> {
  const window = new Window();
  const workers = start(window);
  await sleep(options.warmupSeconds * 1000);
  await options.atStart?.();
  const before = readMeters(options.meters);
  const started = performance.now();
  window.measuring = true;
  await sleep(options.seconds * 1000);
  window.measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  const after = readMeters(options.meters);
  window.running = false;
  await options.atEnd?.(window);
  await Promise.all(workers);
  const cpu = Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]]));
  return { window, startedAt: started, elapsed, cpu };
}

function readMeters(meters: Record<string, () => number>): Record<string, number> {
  return Object.fromEntries(Object.entries(meters).map(([name, read]) => [name, read()]));
}

function record(latencies: Latencies, kind: string, answer: HttpAnswer, ok: boolean): void {
  if (ok) latencies.add(kind, answer.ms);
  else latencies.fail(kind, answer.status);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
