import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { personalDataCatalogue } from '@switchboard/dialogs';
import {
  EventStore,
  EventToAppend,
  eventStoreMigrations,
  HashChainedEventStore,
  PostgresEventStore,
  StreamRevision,
  withPersonalData,
} from '@switchboard/event-store';
import { runMigrations } from '@switchboard/platform';
import { freshBenchDatabase } from './bench-database';

/**
 * Appends to the PostgreSQL event store with 1 and 8 writers, single events and batches of 10,
 * and compares events/s with plain INSERTs of the same rows into a bare table with the same
 * indexes, over the same number of connections, in the same run. The store is also measured
 * as command handlers use it, reading the stream's last event before each append: raw,
 * hash-chained, where that read spares the chain its own, and with personal fields sealed above
 * the chain as the services run it (the read opens them: one key lookup per read).
 */
const EVENTS_PER_CASE = Number(process.env.BENCH_EVENTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STREAMS_PER_WRITER = 50;

interface Case {
  writers: number;
  batch: number;
}

const BARE_TABLE = `
  CREATE TABLE bare_events (
    position bigserial PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL,
    stream_revision bigint NOT NULL,
    category text NOT NULL GENERATED ALWAYS AS (split_part(stream_id, '-', 1)) STORED,
    type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now());
  CREATE UNIQUE INDEX bare_stream_revision ON bare_events (stream_id, stream_revision);
  CREATE UNIQUE INDEX bare_event_id ON bare_events (event_id);`;

/** A client's messages on a dialog stream; the stream's first append opens the dialog, naming its client. */
function makeEvents(count: number, stream: string, opening: boolean): EventToAppend[] {
  const dialogId = stream.slice('dialog-'.length);
  const metadata = { actor: { kind: 'service', id: 'telegram' }, correlationId: randomUUID(), occurredAt: new Date().toISOString() };
  return Array.from({ length: count }, (_, index): EventToAppend =>
    opening && index === 0
      ? { id: randomUUID(), type: 'DialogOpened', data: { dialogId, client: { id: `client-${dialogId}`, name: 'Ada Lovelace' }, pageUrl: null }, metadata }
      : {
          id: randomUUID(),
          type: 'MessageSent',
          data: { dialogId, messageId: randomUUID(), author: { kind: 'client', id: 'client-1' }, text: 'Hello, my order has not arrived yet', attachments: [] },
          metadata,
        },
  );
}

/**
 * Each writer appends to its own streams with exact expected revisions, as command handlers do;
 * with `readFirst`, after reading the stream's last event, as they also do (they read it all).
 */
async function runStore(store: EventStore, { writers, batch }: Case, readFirst = false): Promise<number> {
  const perWriter = Math.ceil(EVENTS_PER_CASE / writers / batch);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const streams = Array.from({ length: STREAMS_PER_WRITER }, () => `dialog-${randomUUID()}`);
      const revisions = new Map<string, StreamRevision>();
      for (let i = 0; i < perWriter; i++) {
        const stream = streams[i % streams.length];
        const expected = revisions.get(stream);
        if (readFirst) await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
        const result = await store.appendToStream(stream, makeEvents(batch, stream, expected === undefined), { expectedRevision: expected ?? 'no_stream' });
        revisions.set(stream, result.nextRevision);
      }
    }),
  );
  return rate(perWriter * writers * batch, started);
}

async function runBare(pool: Pool, { writers, batch }: Case): Promise<number> {
  const perWriter = Math.ceil(EVENTS_PER_CASE / writers / batch);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const client = await pool.connect();
      try {
        const streams = Array.from({ length: STREAMS_PER_WRITER }, () => `dialog-${randomUUID()}`);
        const revisions = new Map<string, number>();
        for (let i = 0; i < perWriter; i++) {
          const stream = streams[i % streams.length];
          const next = (revisions.get(stream) ?? -1) + 1;
          const events = makeEvents(batch, stream, next === 0);
          const values: unknown[] = [];
          const rows = events.map((e, j) => {
            values.push(e.id, stream, next + j, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
            const p = j * 6;
            return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6})`;
          });
          await client.query(`INSERT INTO bare_events (event_id, stream_id, stream_revision, type, data, metadata) VALUES ${rows.join(', ')}`, values);
          revisions.set(stream, next + batch - 1);
        }
      } finally {
        client.release();
      }
    }),
  );
  return rate(perWriter * writers * batch, started);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function rate(events: number, started: bigint): number {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return events / seconds;
}

async function main(): Promise<void> {
  const db = await freshBenchDatabase('switchboard_bench_append');
  await runMigrations(db.url, eventStoreMigrations);
  const pool = new Pool({ connectionString: db.url, max: 8 });
  await pool.query(BARE_TABLE);
  const store = new PostgresEventStore({ connectionString: db.url, poolSize: 8 });
  const chained = new HashChainedEventStore(store);
  const sealed = withPersonalData(chained, db.url, personalDataCatalogue, {});

  console.log(`bench:append  ${EVENTS_PER_CASE} events per case, median of ${ROUNDS} alternating rounds, durable commits (fsync on)`);
  console.log('writers  batch  bare INSERT/s  store/s  ratio  read+store/s  read+chained/s  chained/store  read+sealed/s  sealed/chained');
  const cases: Case[] = [
    { writers: 1, batch: 1 },
    { writers: 1, batch: 10 },
    { writers: 8, batch: 1 },
    { writers: 8, batch: 10 },
  ];
  for (const c of cases) {
    // Alternate the two sides and take the median of each, so that a burst of background work
    // on this 2-core machine does not decide the ratio.
    const rates = { bare: [] as number[], store: [] as number[], readStore: [] as number[], readChained: [] as number[], readSealed: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      rates.bare.push(await runBare(pool, c));
      rates.store.push(await runStore(store, c));
      rates.readStore.push(await runStore(store, c, true));
      rates.readChained.push(await runStore(chained, c, true));
      rates.readSealed.push(await runStore(sealed, c, true));
    }
    const [bare, store_, readStore, readChained, readSealed] = [rates.bare, rates.store, rates.readStore, rates.readChained, rates.readSealed].map(median);
    const cells = [
      [c.writers, 7],
      [c.batch, 5],
      [bare.toFixed(0), 12],
      [store_.toFixed(0), 7],
      [(store_ / bare).toFixed(2), 5],
      [readStore.toFixed(0), 12],
      [readChained.toFixed(0), 14],
      [(readChained / readStore).toFixed(2), 13],
      [readSealed.toFixed(0), 13],
      [(readSealed / readChained).toFixed(2), 14],
    ] as const;
    console.log(cells.map(([value, width]) => String(value).padStart(width)).join('  '));
  }
  await sealed.close();
  await pool.end();
  await db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
