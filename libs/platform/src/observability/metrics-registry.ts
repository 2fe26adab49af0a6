import { collectDefaultMetrics, Registry } from 'prom-client';

/** The prom-client registry of one process: what its `/metrics` answers. */
export type MetricsRegistry = Registry;

/**
 * A registry of its own per process (not prom-client's global one), so that several apps in
 * one test process never share counts, with Node's process metrics (CPU, memory, event loop
 * lag, garbage collection, handles).
 */
export function createMetricsRegistry(): MetricsRegistry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Latency buckets in seconds, from a cached read (2 ms) to a slow write under load (10 s). */
export const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
