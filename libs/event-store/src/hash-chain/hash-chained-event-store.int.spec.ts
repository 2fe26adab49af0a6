import { randomUUID } from 'node:crypto';
import {
  ANY,
  eventStoreMigrations,
  HashChainedEventStore,
  NO_STREAM,
  PostgresEventStore,
  STREAM_EXISTS,
  StreamChainVerifier,
  WrongExpectedRevisionError,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@switchboard/event-store';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { events } from '@switchboard/test-support/contract/contract-subject';
import { describeEventStoreContract } from '@switchboard/test-support/contract/event-store.contract';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

describeEventStoreContract(
  'PostgreSQL, hash-chained',
  async () => {
    const db = await createTestDatabase(eventStoreMigrations);
    const store = new HashChainedEventStore(new PostgresEventStore({ connectionString: db.url, poolSize: 20 }));
    return {
      store,
      unreachable: () => new HashChainedEventStore(new PostgresEventStore({ connectionString: 'postgres://postgres:postgres@127.0.0.1:1/none' })),
      cleanup: async () => {
        await store.close();
        await db.drop();
      },
    };
  },
  { refusesPartlyReusedIds: true, addsMetadata: { hash: expect.stringMatching(HEX_SHA256), previousHash: null } },
);

/** The real adapter, counting the stream reads the decorator makes on its own. */
class CountingStore extends PostgresEventStore {
  reads = 0;
  override readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.reads += 1;
    return super.readStream(streamId, options);
  }
}

describe('hash-chained store over PostgreSQL', () => {
  let db: TestDatabase;
  let raw: PostgresEventStore;
  let store: HashChainedEventStore;
  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    raw = new PostgresEventStore({ connectionString: db.url, poolSize: 20 });
    store = new HashChainedEventStore(raw);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const verify = (list: RecordedEvent[]) => {
    const verifier = new StreamChainVerifier(list[0]?.streamId ?? 'none');
    list.forEach((e) => verifier.add(e));
    return verifier.report();
  };

  it('links every event to the one before it, across appends', async () => {
    const id = `dialog-${randomUUID()}`;
    await store.appendToStream(id, events(3), { expectedRevision: NO_STREAM });
    await store.appendToStream(id, events(2), { expectedRevision: 2n });
    const recorded = await store.readStream(id);
    expect(recorded[0].metadata.previousHash).toBeNull();
    for (let i = 1; i < recorded.length; i++) expect(recorded[i].metadata.previousHash).toBe(recorded[i - 1].metadata.hash);
    expect(new Set(recorded.map((e) => e.metadata.hash)).size).toBe(5);
    expect(verify(recorded)).toMatchObject({ events: 5, unchained: 0, broken: null, lastHash: recorded[4].metadata.hash });
  });

  it('never forks the chain when many writers append with any revision at once', async () => {
    const id = `dialog-${randomUUID()}`;
    await Promise.all(Array.from({ length: 12 }, () => store.appendToStream(id, events(2), { expectedRevision: ANY })));
    const recorded = await store.readStream(id);
    expect(recorded).toHaveLength(24);
    expect(verify(recorded).broken).toBeNull();
  });

  it("keeps a caller's exact revision: a stale one fails as before and writes nothing", async () => {
    const id = `dialog-${randomUUID()}`;
    await store.appendToStream(id, events(2), { expectedRevision: NO_STREAM });
    const error = await store.appendToStream(id, events(1), { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', expected: 0n, actual: 1n });
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream(id)).toHaveLength(2);
  });

  it('reads no tip when the caller just read the stream to its end, or expects no stream', async () => {
    const counting = new CountingStore({ connectionString: db.url });
    const chained = new HashChainedEventStore(counting);
    try {
      const id = `dialog-${randomUUID()}`;
      await chained.appendToStream(id, events(2), { expectedRevision: NO_STREAM });
      expect(counting.reads).toBe(0);
      await chained.readStream(id);
      await chained.appendToStream(id, events(1), { expectedRevision: 1n });
      expect(counting.reads).toBe(1);
      // A remembered tip goes stale when another writer moves on; the append then fails as before.
      await chained.readStream(id);
      await store.appendToStream(id, events(1), { expectedRevision: 2n });
      await expect(chained.appendToStream(id, events(1), { expectedRevision: 2n })).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: 3n });
      expect(counting.reads).toBe(2);
      // A stream that does not exist is not read again and again.
      await expect(chained.appendToStream(`dialog-${randomUUID()}`, events(1), { expectedRevision: STREAM_EXISTS })).rejects.toMatchObject({
        actual: 'no_stream',
      });
      expect(counting.reads).toBe(3);
      expect(verify(await store.readStream(id))).toMatchObject({ events: 4, broken: null });
    } finally {
      await counting.close();
    }
  });

  it('starts the chain after events written before it, linked to the last of them', async () => {
    const id = `dialog-${randomUUID()}`;
    await raw.appendToStream(id, events(2), { expectedRevision: NO_STREAM });
    await store.appendToStream(id, events(2), { expectedRevision: 1n });
    const recorded = await store.readStream(id);
    expect(recorded[1].metadata.hash).toBeUndefined();
    expect(recorded[2].metadata.previousHash).toMatch(HEX_SHA256);
    expect(verify(recorded)).toMatchObject({ events: 4, unchained: 2, broken: null });
  });
});
