import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { eventStoreMigrations, PostgresEventStore, RecordedEvent } from '@switchboard/event-store';
import { Logger } from '@nestjs/common';
import {
  BatchApplier,
  CheckpointMovedError,
  CheckpointStore,
  Projection,
  ProjectionRunner,
  ProjectionTransaction,
  projectionMigrations,
} from '@switchboard/projections';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';

/** Counts events per stream; fails on demand, after writing, to prove the write rolls back. */
class CountingProjection implements Projection {
  readonly name = `counting-${randomUUID()}`;
  readonly filter = { categories: ['count'] };
  poison = new Set<string>();
  transientFailures = 0;

  async handle(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const event of events) {
      await tx.query(`INSERT INTO counts (stream_id, n) VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET n = counts.n + 1`, [event.streamId]);
      if (this.transientFailures > 0) {
        this.transientFailures--;
        throw new Error('deadlock, say');
      }
      if (this.poison.has(event.id)) throw new Error(`cannot project ${event.type}`);
    }
  }
}

describe('projection runner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let checkpoints: CheckpointStore;
  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...projectionMigrations]);
    store = new PostgresEventStore({ connectionString: db.url });
    pool = new Pool({ connectionString: db.url });
    await pool.query(`CREATE TABLE counts (stream_id text PRIMARY KEY, n int NOT NULL)`);
    checkpoints = new CheckpointStore(pool);
  });
  afterAll(async () => {
    await pool.end();
    await store.close();
    await db.drop();
  });
  beforeEach(() => pool.query('TRUNCATE counts'));

  const append = async (streamId: string, count: number) => {
    const events = Array.from({ length: count }, () => ({ id: randomUUID(), type: 'Counted', data: {} }));
    await store.appendToStream(streamId, events, { expectedRevision: 'any' });
    return events.map((e) => e.id);
  };
  const countOf = async (streamId: string) => Number((await pool.query('SELECT n FROM counts WHERE stream_id = $1', [streamId])).rows[0]?.n ?? 0);
  const until = async (condition: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('applies every event exactly once and resumes from its checkpoint after a restart', async () => {
    const projection = new CountingProjection();
    const stream = `count-${randomUUID()}`;
    await append(stream, 30);
    const first = new ProjectionRunner(projection, store, pool, checkpoints, { batchSize: 7 });
    await first.start();
    await until(async () => (await countOf(stream)) === 30);
    await first.stop();

    await append(stream, 5);
    const second = new ProjectionRunner(projection, store, pool, checkpoints, { batchSize: 7 });
    await second.start();
    await until(async () => (await countOf(stream)) === 35);
    await new Promise((r) => setTimeout(r, 200));
    await second.stop();
    expect(await countOf(stream)).toBe(35);
  });

  it('moves its checkpoint past the events its filter skips, now and then, and resumes from there', async () => {
    const projection = new CountingProjection();
    const stream = `count-${randomUUID()}`;
    await append(stream, 2);
    const runner = new ProjectionRunner(projection, store, pool, checkpoints, { progressEveryMs: 50 });
    await runner.start();
    await until(async () => (await countOf(stream)) === 2);
    const lastCounted = (await store.readStream(stream)).at(-1)!.position;

    // The skipped events' own position, from their stream: the head readers see may lag behind
    // it, held back by another test's open transaction.
    const other = `other-${randomUUID()}`;
    await append(other, 5);
    const skipped = (await store.readStream(other)).at(-1)!.position;
    await until(async () => ((await checkpoints.load(projection.name)).position ?? -1n) >= skipped);
    await runner.stop();
    expect(lastCounted).toBeLessThan(skipped);

    await append(stream, 1);
    const resumed = new ProjectionRunner(projection, store, pool, checkpoints, { progressEveryMs: 50 });
    await resumed.start();
    await until(async () => (await countOf(stream)) === 3);
    await resumed.stop();
    expect(await countOf(stream)).toBe(3);
  });

  it('rolls back a failed batch with its writes, and retries transient failures', async () => {
    const projection = new CountingProjection();
    projection.transientFailures = 2;
    const stream = `count-${randomUUID()}`;
    await append(stream, 10);
    const runner = new ProjectionRunner(projection, store, pool, checkpoints);
    await runner.start();
    await until(async () => (await countOf(stream)) === 10);
    await new Promise((r) => setTimeout(r, 100));
    await runner.stop();
    expect(await countOf(stream)).toBe(10);
  });

  it('stops at a failing event, shows it, stays stopped across restarts, and resumes after a skip', async () => {
    const projection = new CountingProjection();
    const stream = `count-${randomUUID()}`;
    const ids = await append(stream, 6);
    projection.poison.add(ids[3]);
    const runner = new ProjectionRunner(projection, store, pool, checkpoints, { attempts: 1 });
    await runner.start();
    await until(async () => (await checkpoints.load(projection.name)).status === 'failed');
    const failed = await checkpoints.load(projection.name);
    expect(failed).toMatchObject({ status: 'failed', failedEventId: ids[3], failedEventType: 'Counted' });
    expect(failed.error).toContain('cannot project Counted');
    // The events before the failing one are in; the failing one and those after are not.
    expect(await countOf(stream)).toBe(3);

    const restarted = new ProjectionRunner(projection, store, pool, checkpoints);
    await restarted.start();
    expect(restarted.running).toBe(false);

    await checkpoints.skipFailed(projection.name);
    const resumed = new ProjectionRunner(projection, store, pool, checkpoints);
    await resumed.start();
    await until(async () => (await countOf(stream)) === 5);
    await resumed.stop();
  });

  it('refuses a second runner writing the same projection from a stale checkpoint', async () => {
    const projection = new CountingProjection();
    await checkpoints.load(projection.name);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await checkpoints.advance(client, projection.name, undefined, 5n);
      await client.query('COMMIT');
      await client.query('BEGIN');
      await expect(checkpoints.advance(client, projection.name, undefined, 9n)).rejects.toThrow('moved under this runner');
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('takes a batch whose commit answer was lost as applied, and stops without failing when another runner moved on', async () => {
    const projection = new CountingProjection();
    const stream = `count-${randomUUID()}`;
    const ids = await append(stream, 3);
    // Readers see the appends once no older transaction on the server is still open.
    const read = () => store.readAll({ filter: projection.filter, maxCount: 10_000 });
    await until(async () => (await read()).some((e) => e.id === ids[2]));
    const batch = (await read()).slice(0, 10);
    const last = batch[batch.length - 1].position;
    await checkpoints.load(projection.name);
    // As if the batch had committed just before the connection was lost: the checkpoint is
    // already at its end while the applier still believes it is at the start.
    await pool.query(`UPDATE projections.checkpoints SET position = $2 WHERE name = $1`, [projection.name, last.toString()]);
    const applier = new BatchApplier(projection, pool, checkpoints, new Logger('test'), 1);
    await applier.apply(batch);
    expect(applier.position).toBe(last);
    expect(await countOf(stream)).toBe(0);
    expect((await checkpoints.load(projection.name)).status).toBe('running');

    // Another runner is further on: this one must end, and must not mark the projection failed.
    await pool.query(`UPDATE projections.checkpoints SET position = $2 WHERE name = $1`, [projection.name, (last + 100n).toString()]);
    const behind = new BatchApplier(projection, pool, checkpoints, new Logger('test'), 1);
    await expect(behind.apply(batch)).rejects.toBeInstanceOf(CheckpointMovedError);
    expect((await checkpoints.load(projection.name)).status).toBe('running');
  });

  it('subscribes to nothing when stopped while starting, so no reader outlives its owner', async () => {
    // The checkpoint's load is held until the stop has begun: the window a busy machine widens.
    let loaded!: () => void;
    const loading = new Promise<void>((resolve) => (loaded = resolve));
    let loadAsked!: () => void;
    const asked = new Promise<void>((resolve) => (loadAsked = resolve));
    const slowCheckpoints = Object.create(checkpoints) as CheckpointStore;
    slowCheckpoints.load = async (...args) => {
      loadAsked();
      await loading;
      return checkpoints.load(...args);
    };
    let subscriptions = 0;
    const countingStore = Object.create(store) as PostgresEventStore;
    countingStore.subscribeToAll = (...args) => {
      subscriptions++;
      return store.subscribeToAll(...args);
    };
    const runner = new ProjectionRunner(new CountingProjection(), countingStore, pool, slowCheckpoints);
    const started = runner.start();
    await asked;
    const stopped = runner.stop();
    loaded();
    await Promise.all([started, stopped]);
    expect(runner.running).toBe(false);
    expect(subscriptions).toBe(0);
  });
});
