import { Pool } from 'pg';
import { eventUpcasting } from '@switchboard/dialogs';
import { PostgresEventStore, upcastOnRead } from '@switchboard/event-store';
import { snapshotReadModels } from '@switchboard/read-models/testing';
import { allMigrations } from '@switchboard/schema';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { rebuildReadModels } from '@switchboard/projector/cli/rebuild-read-models';
import { writeHistory } from '../history/write-history';
import { spawnSource, type SpawnedSource } from '../e2e/spawn-app';
import { caughtUp, slowest, readModelProgress, type ReadModelProgress } from './support/read-model-progress';

// A history of this many dialogs is about 14 events each (some 8,500 in all): enough that the
// projector is still replaying it when the kills land.
const DIALOGS = Number(process.env.FAULTS_DIALOGS ?? 600);
const KILLS = Number(process.env.FAULTS_KILLS ?? 6);
const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 100_000);

/** A seeded generator, so a failing run can be repeated with FAULTS_SEED. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe(`the projector killed with SIGKILL during a replay (seed ${SEED})`, () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let projector: SpawnedSource | undefined;

  beforeAll(async () => {
    db = await createTestDatabase(allMigrations);
    pool = new Pool({ connectionString: db.url, max: 2 });
    store = new PostgresEventStore({ connectionString: db.url, poolSize: 8 });
    await writeHistory(store, { dialogs: DIALOGS, seed: SEED });
  });

  afterAll(async () => {
    projector?.child.kill('SIGKILL');
    await pool.end();
    await store.close();
    await db.drop();
  });

  // The rating sweep would append events of its own to this old history; the log stays fixed.
  const startProjector = (): SpawnedSource =>
    spawnSource('apps/projector/src/main.ts', { DATABASE_URL: db.url, RATING_TIMEOUT_MINUTES: '100000000', LOG_LEVEL: 'warn' });

  async function waitFor(done: (progress: ReadModelProgress[]) => boolean, timeoutMs: number): Promise<ReadModelProgress[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const progress = await readModelProgress(pool);
      if (done(progress)) return progress;
      if (projector?.child.exitCode !== null) throw new Error(`the projector exited:\n${projector?.output()}`);
      if (Date.now() > deadline)
        throw new Error(`no progress within ${timeoutMs} ms: ${JSON.stringify(progress, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
      await sleep(5);
    }
  }

  it('leaves read models equal to a clean rebuild after kills at random points and a last complete run', async () => {
    const random = seeded(SEED);
    const { rows } = await pool.query<{ position: string }>('SELECT position::text FROM event_store.events ORDER BY position');
    const positions = rows.map((r) => BigInt(r.position));
    let killedMidReplay = 0;
    const kills: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      // Each run is killed once the slowest read model passed a random event ahead of it (a
      // share of what is left, so the kills spread over the replay), after a random delay more:
      // mid-batch, between batches, or while committing.
      const from = slowest(await readModelProgress(pool));
      const ahead = positions.filter((position) => position > from);
      const target = ahead[Math.floor((random() * ahead.length) / (KILLS - kill + 1))];
      projector = startProjector();
      const spawned = Date.now();
      await waitFor((progress) => slowest(progress) >= target, 120_000);
      await sleep(Math.floor(random() * 60));
      const before = await readModelProgress(pool);
      projector.child.kill('SIGKILL');
      expect(await projector.exited).toBeNull();
      if (!caughtUp(before)) killedMidReplay++;
      kills.push(before.map((p) => `${p.projection} ${p.position ?? '-'}/${p.target ?? '-'}`).join(', ') + ` after ${Date.now() - spawned} ms`);
    }
    console.log(`kills (seed ${SEED}):\n${kills.join('\n')}`);
    expect(killedMidReplay).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));

    projector = startProjector();
    await waitFor(caughtUp, 60_000);
    projector.child.kill('SIGTERM');
    await projector.exited;
    projector = undefined;
    const afterKills = await snapshotReadModels(pool);
    expect(afterKills.dialog_list.length).toBeGreaterThan(DIALOGS / 2);

    await rebuildReadModels(upcastOnRead(store, eventUpcasting), db.url, [], { quiet: true });
    expect(await snapshotReadModels(pool)).toEqual(afterKills);
  }, 300_000);
});
