import { randomUUID } from 'node:crypto';
import {
  jsonEvent,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type CurrentRevision,
  type AppendExpectedRevision,
} from '@eventstore/db-client';
import { startEventStoreDbDouble, type EventStoreDbDoubleOptions } from './eventstoredb-double';

/** Where the suite runs: a real server when EVENTSTOREDB_URL is set, otherwise the double in both append modes. */
export interface Target {
  readonly name: string;
  start(): Promise<{ connectionString: string; stop(): Promise<void> }>;
}

export function targets(): Target[] {
  const url = process.env.EVENTSTOREDB_URL;
  if (url) return [{ name: `EVENTSTOREDB_URL (${url})`, start: async () => ({ connectionString: url, stop: async () => undefined }) }];
  const double = (name: string, options: EventStoreDbDoubleOptions): Target => ({ name, start: () => startEventStoreDbDouble(options) });
  return [double('the double, appends through BatchAppend', { batchAppend: true }), double('the double, appends through Append', { batchAppend: false })];
}

/** Names unique to one run, so the suite can share a real server's log with anything else. */
export function namer(): (kind: string) => string {
  const run = randomUUID().slice(0, 8);
  let n = 0;
  return (kind) => `${kind}${run}-${(n += 1)}`;
}

export const event = (type: string, data: Record<string, unknown> = {}, metadata?: Record<string, unknown>) =>
  jsonEvent({ id: randomUUID(), type, data, metadata });

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/** The rejection of `append`, checked to be a WrongExpectedVersionError with these revisions. */
export async function conflictOf(append: Promise<unknown>, expected: AppendExpectedRevision, actual: CurrentRevision): Promise<void> {
  const error: unknown = await append.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WrongExpectedVersionError)) throw new Error(`expected WrongExpectedVersionError, got ${String(error)}`);
  if (error.expectedVersion !== expected || error.actualVersion !== actual) {
    throw new Error(`expected ${String(expected)}/${String(actual)}, got ${String(error.expectedVersion)}/${String(error.actualVersion)}`);
  }
}

/** Records what a subscription delivers; `caughtUp` resolves once the events before it arrived. */
export function record(subscription: AllStreamSubscription): {
  events: AllStreamResolvedEvent[];
  caughtUp: Promise<AllStreamResolvedEvent[]>;
} {
  const events: AllStreamResolvedEvent[] = [];
  subscription.on('data', (resolved: AllStreamResolvedEvent) => events.push(resolved));
  subscription.on('error', () => undefined); // an unsubscribe may race a write; the tests assert on events
  const caughtUp = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no caughtUp within 5 s')), 5000);
    subscription.once('caughtUp', () => resolve(clearTimeout(timer)));
  })
    // 'caughtUp' fires when its message is transformed; the events before it may still be in
    // the stream's buffer, so let them drain.
    .then(() => new Promise((resolve) => setTimeout(resolve, 50)))
    .then(() => [...events]);
  return { events, caughtUp };
}

/** The parts of a delivered event the assertions compare. */
export const summary = (resolved: AllStreamResolvedEvent) => `${resolved.event?.streamId}:${resolved.event?.revision}:${resolved.event?.type}`;
