import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  ANY,
  ERASED,
  eventStoreMigrations,
  HashChainedEventStore,
  NO_STREAM,
  PERSONAL_DATA_KEY,
  PersonalDataEventStore,
  PostgresEventStore,
  SEALED,
  SubjectKeys,
  verifyStream,
  type EventStore,
  type PersonalDataCatalogue,
  type RecordedEvent,
} from '@switchboard/event-store';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';

const catalogue: PersonalDataCatalogue = {
  Opened: { fields: ['client.name'], subject: { idAt: 'client.id' } },
  Said: { fields: ['text', 'files[].url'], subject: { streamPrefix: 'thing-', streamIdAt: 'thingId' } },
};

const opened = (thingId: string, clientId: string, name: string) => ({ id: randomUUID(), type: 'Opened', data: { thingId, client: { id: clientId, name } } });
const said = (thingId: string, text: string) => ({ id: randomUUID(), type: 'Said', data: { thingId, text, files: [{ url: `https://files/${text}` }] } });

describe('personal data sealed above the hash chain', () => {
  let db: TestDatabase;
  let sealed: EventStore;
  let store: PersonalDataEventStore;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    sealed = new HashChainedEventStore(new PostgresEventStore({ connectionString: db.url }));
    store = new PersonalDataEventStore(sealed, new SubjectKeys(db.url), catalogue);
    pool = new Pool({ connectionString: db.url, max: 2 });
  });
  afterAll(async () => {
    await Promise.all([store.close(), pool.end()]);
    await db.drop();
  });

  const texts = (events: RecordedEvent[]) => events.map((e) => [e.data.text ?? (e.data.client as { name: string }).name, e.metadata.personalData]);

  it('stores sealed text only, shows it opened to readers, and keeps the chain over the stored bytes', async () => {
    const thing = randomUUID();
    await store.appendToStream(`thing-${thing}`, [opened(thing, 'c-seal', 'Kim Secret'), said(thing, 'parcel-lost')], { expectedRevision: NO_STREAM });
    const stored = await sealed.readStream(`thing-${thing}`);
    expect(JSON.stringify(stored.map((e) => [e.data, e.metadata]))).not.toMatch(/Kim Secret|parcel-lost/);
    expect(stored[1].data).toMatchObject({ text: SEALED, files: [{ url: SEALED }] });
    const { rows } = await pool.query<{ all: string }>(`SELECT string_agg(e::text, ' ') AS all FROM event_store.events e`);
    expect(rows[0].all).not.toMatch(/Kim Secret|parcel-lost/);

    const read = await store.readStream(`thing-${thing}`);
    expect(texts(read)).toEqual([
      ['Kim Secret', { subjectId: 'c-seal', erased: false }],
      ['parcel-lost', { subjectId: 'c-seal', erased: false }],
    ]);
    expect(read[1].data.files).toEqual([{ url: 'https://files/parcel-lost' }]);
    expect((await verifyStream(sealed, `thing-${thing}`)).broken).toBeNull();
  });

  it('after an erasure every read path shows the marker, the chain still holds, and a second erasure destroys nothing', async () => {
    const thing = randomUUID();
    const stream = `thing-${thing}`;
    await store.appendToStream(stream, [opened(thing, 'c-gone', 'Ann Gone')], { expectedRevision: NO_STREAM });
    // A later command on the stream learns its subject from the table, not from the event.
    const other = new PersonalDataEventStore(
      new HashChainedEventStore(new PostgresEventStore({ connectionString: db.url })),
      new SubjectKeys(db.url),
      catalogue,
    );
    await other.appendToStream(stream, [said(thing, 'my-address')], { expectedRevision: ANY });

    const outcome = await store.erase('c-gone', [], new Date());
    expect(outcome).toEqual({ erasures: 1, streams: [stream] });
    expect(texts(await store.readStream(stream))).toEqual([
      [ERASED, { subjectId: 'c-gone', erased: true }],
      [ERASED, { subjectId: 'c-gone', erased: true }],
    ]);
    const page = await store.readPage({ filter: { categories: ['thing'] } });
    expect(JSON.stringify(page.events.filter((e) => e.streamId === stream).map((e) => [e.data, e.metadata]))).not.toMatch(/Ann Gone|my-address/);
    expect((await verifyStream(sealed, stream)).broken).toBeNull();
    expect(await store.erase('c-gone', [], new Date())).toEqual({ erasures: 1, streams: [stream] });
    // The other process's cached key is gone from the table: what it seals now is never readable.
    await other.appendToStream(stream, [said(thing, 'late-words')], { expectedRevision: ANY });
    expect((await store.readStream(stream))[2].data.text).toBe(ERASED);
    const { rows } = await pool.query(`SELECT 1 FROM privacy.subject_keys WHERE subject_id = 'c-gone'`);
    expect(rows).toEqual([]);
    await other.close();
  });

  it('seals every event when its cache holds one stream and one key: a dropped entry is asked again', async () => {
    const small = new PersonalDataEventStore(
      new HashChainedEventStore(new PostgresEventStore({ connectionString: db.url })),
      new SubjectKeys(db.url),
      catalogue,
      { seal: true, cacheCapacity: 1 },
    );
    const [a, b] = [randomUUID(), randomUUID()];
    await small.appendToStream(`thing-${a}`, [opened(a, 'c-small-a', 'Ann Small')], { expectedRevision: NO_STREAM });
    await small.appendToStream(`thing-${b}`, [opened(b, 'c-small-b', 'Bob Small')], { expectedRevision: NO_STREAM });
    await small.appendToStream(`thing-${a}`, [said(a, 'a-words')], { expectedRevision: ANY });
    await small.appendToStream(`thing-${b}`, [said(b, 'b-words')], { expectedRevision: ANY });
    await small.close();
    for (const [thing, subjectId] of [
      [a, 'c-small-a'],
      [b, 'c-small-b'],
    ]) {
      const stored = await sealed.readStream(`thing-${thing}`);
      expect(JSON.stringify(stored.map((e) => e.data))).not.toMatch(/Small|words/);
      expect((await store.readStream(`thing-${thing}`)).map((e) => e.metadata[PERSONAL_DATA_KEY])).toEqual([
        { subjectId, erased: false },
        { subjectId, erased: false },
      ]);
    }
  });

  it('delivers opened and erased events to subscribers', async () => {
    const thing = randomUUID();
    await store.appendToStream(`thing-${thing}`, [opened(thing, 'c-sub', 'Sub Scriber')], { expectedRevision: NO_STREAM });
    await store.erase('c-sub', [], new Date());
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(async (events) => {
      seen.push(...events.filter((e) => e.streamId === `thing-${thing}`));
      if (seen.length > 0) void subscription.stop();
    });
    await subscription.done;
    expect(texts(seen)).toEqual([[ERASED, { subjectId: 'c-sub', erased: true }]]);
  });

  it('masks clear-text events written before sealing once their subject is erased, and seals what follows on such a stream', async () => {
    const thing = randomUUID();
    const stream = `thing-${thing}`;
    await sealed.appendToStream(stream, [opened(thing, 'c-old', 'Old Clear'), said(thing, 'old-words')], { expectedRevision: NO_STREAM });
    expect(texts(await store.readStream(stream))).toEqual([
      ['Old Clear', undefined],
      ['old-words', undefined],
    ]);
    await store.appendToStream(stream, [said(thing, 'new-words')], { expectedRevision: ANY });
    expect((await sealed.readStream(stream))[2].data.text).toBe(SEALED);

    expect((await store.erase('c-old', [stream], new Date())).erasures).toBe(1);
    expect(texts(await store.readStream(stream))).toEqual([
      [ERASED, { subjectId: 'c-old', erased: true }],
      [ERASED, { subjectId: null, erased: true }],
      [ERASED, { subjectId: 'c-old', erased: true }],
    ]);
  });

  it('counts a new erasure once a returning client has a new key', async () => {
    const first = randomUUID();
    await store.appendToStream(`thing-${first}`, [opened(first, 'c-back', 'Back Again')], { expectedRevision: NO_STREAM });
    await store.erase('c-back', [], new Date());
    const second = randomUUID();
    await store.appendToStream(`thing-${second}`, [opened(second, 'c-back', 'Back Again')], { expectedRevision: NO_STREAM });
    expect(texts(await store.readStream(`thing-${second}`))).toEqual([['Back Again', { subjectId: 'c-back', erased: false }]]);
    expect((await store.erase('c-back', [], new Date())).erasures).toBe(2);
  });

  it('stores clear text with sealing off, for a baseline', async () => {
    const plain = new PersonalDataEventStore(
      new HashChainedEventStore(new PostgresEventStore({ connectionString: db.url })),
      new SubjectKeys(db.url),
      catalogue,
      { seal: false },
    );
    const thing = randomUUID();
    await plain.appendToStream(`thing-${thing}`, [opened(thing, 'c-plain', 'Plain Text')], { expectedRevision: NO_STREAM });
    await plain.close();
    expect((await sealed.readStream(`thing-${thing}`))[0].data.client).toEqual({ id: 'c-plain', name: 'Plain Text' });
  });
});
