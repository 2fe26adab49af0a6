import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventStore, EventToAppend, eventStoreMigrations, HashChainedEventStore, PostgresEventStore, StreamRevision } from '@switchboard/event-store';
import { runMigrations } from '@switchboard/platform';
import { freshBenchDatabase } from './bench-database';

/**
 * Appends to the PostgreSQL event store with 1 and 8 writers, single events and batches of 10,
 * and compares events/s with plain INSERTs of the same rows into a bare table with the same
 * indexes, over the same number of connections, in the same run. The store is measured twice:
 * the raw adapter, and hash-chained as the services run it (one more read and the hashing).
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

function makeEvents(count: number): EventToAppend[] {
  return Array.from({ length: count }, () => ({
    id: randomUUID(),
    type: 'MessageSent',
    data: { messageId: randomUUID(), author: { kind: 'client', id: 'client-1' }, text: 'Hello, my order has not arrived yet', attachments: [] },
    metadata: { actor: { kind: 'service', id: 'telegram' }, correlationId: randomUUID(), occurredAt: new Date().toISOString() },
  }));
}

/** Each writer appends to its own streams with exact expected revisions, as command handlers do. */
async function runStore(store: EventStore, { writers, batch }: Case): Promise<number> {
  const perWriter = Math.ceil(EVENTS_PER_CASE / writers / batch);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const streams = Array.from({ length: STREAMS_PER_WRITER }, () => `dialog-${randomUUID()}`);
      const revisions = new Map<string, StreamRevision>();
      for (let i = 0; i < perWriter; i++) {
        const stream = streams[i % streams.length];
        const expected = revisions.get(stream);
        const result = await store.appendToStream(stream, makeEvents(batch), { expectedRevision: expected ?? 'no_stream' });
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
          const events = makeEvents(batch);
          const values: unknown[] = [];
          const rows = events.map((e, j) => {
            values.push(e.id, stream, next + j, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
            const p = j * 6;
            return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6})`;
          });
          await client.query(
            `INSERT INTO bare_events (event_id, stream_id, stream_revision, type, data, metadata) VALUES ${rows.join(', ')}`,
            values,
          );
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

  console.log(`bench:append  ${EVENTS_PER_CASE} events per case, median of ${ROUNDS} alternating rounds, durable commits (fsync on)`);
  console.log('writers  batch  store events/s  chained events/s  bare INSERT events/s  ratio  chained ratio');
  const cases: Case[] = [
    { writers: 1, batch: 1 },
    { writers: 1, batch: 10 },
    { writers: 8, batch: 1 },
    { writers: 8, batch: 10 },
  ];
  for (const c of cases) {
    // Alternate the two sides and take the median of each, so that a burst of background work
    // on this 2-core machine does not decide the ratio.
    const bareRates: number[] = [];
    const storeRates: number[] = [];
    const chainedRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRates.push(await runBare(pool, c));
      storeRates.push(await runStore(store, c));
      chainedRates.push(await runStore(chained, c));
    }
    const bare = median(bareRates);
    const store_ = median(storeRates);
    const chained_ = median(chainedRates);
    console.log(
      `${String(c.writers).padStart(7)}  ${String(c.batch).padStart(5)}  ${store_.toFixed(0).padStart(14)}  ${chained_.toFixed(0).padStart(16)}  ` +
        `${bare.toFixed(0).padStart(20)}  ${(store_ / bare).toFixed(2).padStart(5)}  ${(chained_ / bare).toFixed(2).padStart(13)}`,
    );
  }
  await store.close();
  await pool.end();
  await db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
