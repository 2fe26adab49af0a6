import { randomUUID } from 'node:crypto';
import { EventStoreDbEventStore, EventStoreUnavailableError, NO_STREAM, type EventToAppend } from '@switchboard/event-store';
import { startEventStoreDbCluster, startEventStoreDbDouble } from '@switchboard/test-support/eventstoredb-double/eventstoredb-double';

const opened = (): EventToAppend[] => [{ id: randomUUID(), type: 'DialogOpened', data: {} }];
const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

/**
 * What a production server answers for a moment (a node not ready, a commit timed out, a leader
 * gone) becomes EventStoreUnavailableError, the edge's 503 with Retry-After, and the retry works.
 */
describe.each([
  ['BatchAppend', true],
  ['Append', false],
])('EventStoreDB adapter, transient failures, appends through %s', (_, batchAppend) => {
  it.each(['not-ready', 'timeout', 'timeout-after-write'] as const)('an append that meets %s is unavailable, and its retry records it once', async (fault) => {
    const double = await startEventStoreDbDouble({ batchAppend });
    const store = new EventStoreDbEventStore(double.connectionString);
    try {
      // The first append opens the calls (and BatchAppend's long-lived one) before the fault.
      await store.appendToStream(`dialog-${randomUUID()}`, opened(), { expectedRevision: NO_STREAM });
      const stream = `dialog-${randomUUID()}`;
      const events = opened();
      double.failNext(fault);
      expect(await failureOf(store.appendToStream(stream, events, { expectedRevision: NO_STREAM }))).toBeInstanceOf(EventStoreUnavailableError);
      await store.appendToStream(stream, events, { expectedRevision: NO_STREAM });
      expect((await store.readStream(stream)).map((e) => e.id)).toEqual([events[0].id]);
    } finally {
      await store.close();
      await double.stop();
    }
  });

  it('a leader lost while the append call is open is unavailable once, then the new leader takes the append', async () => {
    const cluster = await startEventStoreDbCluster(3, { batchAppend });
    const store = new EventStoreDbEventStore(cluster.nodes[0].connectionString);
    try {
      const stream = `dialog-${randomUUID()}`;
      await store.appendToStream(stream, opened(), { expectedRevision: NO_STREAM });
      cluster.elect(1);
      expect(await failureOf(store.appendToStream(stream, opened(), { expectedRevision: 0n }))).toBeInstanceOf(EventStoreUnavailableError);
      await store.appendToStream(stream, opened(), { expectedRevision: 0n });
      expect(await store.readStream(stream)).toHaveLength(2);
      expect(cluster.nodes[0].eventsSent()).toBeLessThan(cluster.nodes[1].eventsSent());
    } finally {
      await store.close();
      await cluster.stop();
    }
  });
});

describe('EventStoreDB adapter, reads from a node that is not ready', () => {
  it.each([
    ['readAll', (store: EventStoreDbEventStore) => store.readAll({ maxCount: 1 })],
    ['a filtered readAll', (store: EventStoreDbEventStore) => store.readAll({ filter: { categories: ['dialog'] } })],
    ['headPosition', (store: EventStoreDbEventStore) => store.headPosition()],
    ['readStream', (store: EventStoreDbEventStore) => store.readStream('dialog-1')],
    ['ping', (store: EventStoreDbEventStore) => store.ping()],
  ])('%s is unavailable, then answers', async (_, read) => {
    const double = await startEventStoreDbDouble();
    const store = new EventStoreDbEventStore(double.connectionString);
    try {
      double.failNext('not-ready');
      expect(await failureOf(read(store))).toBeInstanceOf(EventStoreUnavailableError);
      await read(store);
    } finally {
      await store.close();
      await double.stop();
    }
  });
});

describe('EventStoreDB adapter, filtered reads', () => {
  it('are filtered by the server: a read past 10,000 links receives only what matches', async () => {
    const double = await startEventStoreDbDouble();
    const store = new EventStoreDbEventStore(double.connectionString);
    try {
      const start = await store.headPosition();
      const category = `filtered${randomUUID().slice(0, 8)}`;
      const wanted = await store.appendToStream(`${category}-1`, opened(), { expectedRevision: NO_STREAM });
      double.writeLinkRun(10_000);
      const before = double.eventsSent();
      expect((await store.readAll({ after: start, filter: { categories: [category] } })).map((e) => e.position)).toEqual([wanted.position]);
      // The matching event, and the one record the end bound is read from.
      expect(double.eventsSent() - before).toBeLessThanOrEqual(2);
    } finally {
      await store.close();
      await double.stop();
    }
  });
});
