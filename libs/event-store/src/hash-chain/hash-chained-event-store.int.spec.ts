import { randomUUID } from 'node:crypto';
import {
  ANY,
  eventStoreMigrations,
  HashChainedEventStore,
  NO_STREAM,
  PostgresEventStore,
  StreamChainVerifier,
  WrongExpectedRevisionError,
  type RecordedEvent,
} from '@switchboard/event-store';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { describeEventStoreContract, events } from '../../../../test/contract/event-store.contract';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

describeEventStoreContract(
  'PostgreSQL, hash-chained',
  async () => {
    const db = await createTestDatabase(eventStoreMigrations);
    const store = new HashChainedEventStore(new PostgresEventStore({ connectionString: db.url, poolSize: 20 }));
    return {
      store,
      cleanup: async () => {
        await store.close();
        await db.drop();
      },
    };
  },
  { refusesPartlyReusedIds: true, addsMetadata: { hash: expect.stringMatching(HEX_SHA256), previousHash: null } },
);

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
