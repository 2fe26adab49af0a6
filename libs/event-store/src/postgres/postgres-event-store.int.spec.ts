import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventStoreMigrations, NO_STREAM, PostgresEventStore, RecordedEvent } from '@switchboard/event-store';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { events, newEvent, readAllUntil, waitFor } from '@switchboard/test-support/contract/contract-subject';
import { describeEventStoreContract } from '@switchboard/test-support/contract/event-store.contract';
import { APPEND_SQL } from './append.sql';

/** A port nobody listens on. */
const UNREACHABLE_DATABASE = 'postgres://postgres:postgres@127.0.0.1:1/none';

/** Appends through a client whose transaction the test controls. */
function rawAppend(client: Client, expectation: string, list = events(1)) {
  const payload = JSON.stringify(list.map((e) => ({ type: e.type, data: e.data })));
  return client.query(APPEND_SQL, [`dialog-${randomUUID()}`, expectation, null, list.map((e) => e.id), payload]);
}

describeEventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase(eventStoreMigrations);
  const store = new PostgresEventStore({ connectionString: db.url, poolSize: 20 });
  return {
    store,
    unreachable: () => new PostgresEventStore({ connectionString: UNREACHABLE_DATABASE }),
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
});

describe('PostgreSQL event store: commits out of order', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let slowWriter: Client;
  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    store = new PostgresEventStore({ connectionString: db.url });
    slowWriter = new Client({ connectionString: db.url });
    await slowWriter.connect();
  });
  afterAll(async () => {
    await slowWriter.end();
    await store.close();
    await db.drop();
  });

  it('never lets a reader or subscriber pass an event whose transaction is still open', async () => {
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(async (batch) => void seen.push(...batch));

    // The slow writer starts first and holds its transaction open; the fast one commits later
    // events meanwhile. A plain sequence would let readers pass the slow event for good.
    await slowWriter.query('BEGIN');
    const slow = events(1);
    await rawAppend(slowWriter, 'no_stream', slow);
    const fast = `dialog-${randomUUID()}`;
    await store.appendToStream(fast, events(3), { expectedRevision: NO_STREAM });

    expect(await store.readAll()).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([]);
    // The fast writer's own stream is readable at once: commands must not wait for others.
    expect(await store.readStream(fast)).toHaveLength(3);

    await slowWriter.query('COMMIT');
    await waitFor(() => seen.length === 4, 5000);
    await subscription.stop();
    expect(seen.map((e) => e.id)[0]).toBe(slow[0].id);
    expect((await store.readAll()).map((e) => e.id)).toEqual(seen.map((e) => e.id));
  });

  it('lets a filtered follower look no further than an open transaction, and finds its event from there once it commits', async () => {
    const start = await store.headPosition();
    const wanted = { eventTypes: ['SlowlyWanted'] };
    const told: bigint[] = [];
    const handed: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(async (batch) => void handed.push(...batch), {
      after: start,
      filter: wanted,
      progressEveryMs: 0,
      onProgress: async (through) => void told.push(through),
    });
    await slowWriter.query('BEGIN');
    const { rows } = await rawAppend(slowWriter, 'no_stream', [newEvent('SlowlyWanted')]);
    const slow = BigInt(rows[0].last_position);
    // Later appends commit while it is open; the filter skips them.
    await store.appendToStream(`dialog-${randomUUID()}`, events(3), { expectedRevision: NO_STREAM });

    const page = await store.readPage({ after: start, filter: wanted });
    expect(page.events).toEqual([]);
    expect(page.lookedThrough).toBeLessThan(slow);
    // The subscription moves on as far as it may, and tells its owner.
    await waitFor(() => told.length > 0, 5000);
    expect(told.every((through) => through < slow)).toBe(true);

    await slowWriter.query('COMMIT');
    await waitFor(() => handed.length === 1, 5000);
    await subscription.stop();
    expect(handed[0].position).toBe(slow);
    const resumed = await store.readPage({ after: page.lookedThrough, filter: wanted });
    expect(resumed.events.map((e) => e.position)).toEqual([slow]);
  });

  it('leaves no trace of an append whose transaction rolled back, and readers go past it', async () => {
    const before = await store.headPosition();
    await slowWriter.query('BEGIN');
    const lost = events(1);
    await rawAppend(slowWriter, 'any', lost);
    await store.appendToStream(`dialog-${randomUUID()}`, events(1), { expectedRevision: NO_STREAM });
    await slowWriter.query('ROLLBACK');
    const after = await readAllUntil(store, { after: before }, (found) => found.length >= 1);
    expect(after).toHaveLength(1);
    expect(after[0].id).not.toBe(lost[0].id);
  });

  it('gives positions to two appends within one transaction without collision', async () => {
    const [a, b] = [events(2), events(2)];
    await slowWriter.query('BEGIN');
    await rawAppend(slowWriter, 'any', a);
    await rawAppend(slowWriter, 'any', b);
    await slowWriter.query('COMMIT');
    const mine = [...a, ...b].map((e) => e.id);
    const ids = (await readAllUntil(store, { maxCount: 10_000 }, (found) => mine.every((id) => found.some((e) => e.id === id)))).map((e) => e.id);
    expect(ids.slice(-4)).toEqual(mine);
  });
});
