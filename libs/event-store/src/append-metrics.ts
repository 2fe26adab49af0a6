import { LATENCY_BUCKETS, timeMethod, type MetricsRegistry } from '@switchboard/platform';
import { Counter, Histogram } from 'prom-client';
import { WrongExpectedRevisionError } from './event-store.errors';
import type { EventStore } from './event-store.port';

/**
 * Times every append of `store` into the registry: how long the store takes to accept a batch
 * (the floor of every command's latency) and how many events it took. A wrong expected revision
 * is counted apart: it is the optimistic-concurrency race working, not a fault.
 */
export function meterAppends(store: EventStore, registry: MetricsRegistry): EventStore {
  const duration = new Histogram({
    name: 'switchboard_event_store_append_duration_seconds',
    help: 'Time to append one batch of events to a stream, by outcome (ok, wrong_expected_revision, error)',
    labelNames: ['outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const appended = new Counter({
    name: 'switchboard_event_store_appended_events_total',
    help: 'Events appended to the log by this process',
    registers: [registry],
  });
  timeMethod(store, 'appendToStream', (settled, args) => {
    const outcome = settled.ok ? 'ok' : settled.error instanceof WrongExpectedRevisionError ? 'wrong_expected_revision' : 'error';
    duration.observe({ outcome }, settled.seconds);
    const events = args[1];
    if (settled.ok && Array.isArray(events)) appended.inc(events.length);
  });
  return store;
}
