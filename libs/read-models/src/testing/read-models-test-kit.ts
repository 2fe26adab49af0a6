import { Pool, type PoolClient } from 'pg';
import { eventStoreMigrations, PostgresEventStore, type LogFilter, type RecordedEvent } from '@switchboard/event-store';
import {
  CheckpointStore,
  ProjectionRunner,
  projectionMigrations,
  type Projection,
  type ProjectionTransaction,
} from '@switchboard/projections';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { readModelProjections } from '../index';
import { readModelMigrations } from '../migrations';

export type ReadModelProjection = Projection & { reset(tx: ProjectionTransaction): Promise<void> };

/** Fresh instances of every read-model projection, as a new process would make them. */
export const allProjections = (): ReadModelProjection[] => readModelProjections.map((Type) => new Type());

export interface ReadModelsTestKit {
  readonly db: TestDatabase;
  readonly store: PostgresEventStore;
  readonly pool: Pool;
  readonly checkpoints: CheckpointStore;
  close(): Promise<void>;
}

/** A fresh database with the log, the checkpoints and the read models, for one spec file. */
export async function startTestKit(): Promise<ReadModelsTestKit> {
  const db = await createTestDatabase([...eventStoreMigrations, ...projectionMigrations, ...readModelMigrations]);
  const store = new PostgresEventStore({ connectionString: db.url });
  const pool = new Pool({ connectionString: db.url });
  return {
    db,
    store,
    pool,
    checkpoints: new CheckpointStore(pool),
    async close() {
      await pool.end();
      await store.close();
      await db.drop();
    },
  };
}

/** Every event the filter matches, in log order. */
export async function readMatching(kit: ReadModelsTestKit, filter: LogFilter | undefined): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await kit.store.readAll({ after: events.at(-1)?.position, filter, maxCount: 1000 });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

/** Runs the projections side by side, as the projector does, until they applied what the log holds now. */
export async function catchUp(
  kit: ReadModelsTestKit,
  projections: readonly ReadModelProjection[],
  batchSize = 500,
): Promise<void> {
  const runners = projections.map(
    (projection) => new ProjectionRunner(projection, kit.store, kit.pool, kit.checkpoints, { batchSize }),
  );
  await Promise.all(runners.map((runner) => runner.start()));
  try {
    await Promise.all(projections.map((projection) => waitForCheckpoint(kit, projection)));
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()));
  }
}

export async function waitForCheckpoint(kit: ReadModelsTestKit, projection: Projection): Promise<void> {
  const target = (await readMatching(kit, projection.filter)).at(-1)?.position;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const checkpoint = await kit.checkpoints.load(projection.name);
    if (checkpoint.status === 'failed') throw new Error(`${projection.name} failed: ${checkpoint.error}`);
    if (target === undefined || (checkpoint.position !== undefined && checkpoint.position >= target)) return;
    if (Date.now() > deadline) throw new Error(`${projection.name} did not reach ${target}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Empties the read models and moves their checkpoints back to the start, in one transaction. */
export async function reset(kit: ReadModelsTestKit, projections: readonly ReadModelProjection[]): Promise<void> {
  for (const projection of projections) await kit.checkpoints.load(projection.name);
  await inTransaction(kit, async (tx) => {
    for (const projection of projections) {
      await projection.reset(tx);
      await kit.checkpoints.reset(tx, projection.name);
    }
  });
}

export async function rebuild(
  kit: ReadModelsTestKit,
  projections: readonly ReadModelProjection[],
  batchSize: number,
): Promise<void> {
  await reset(kit, projections);
  await catchUp(kit, projections, batchSize);
}

export async function inTransaction(
  kit: ReadModelsTestKit,
  work: (tx: PoolClient) => Promise<void>,
): Promise<void> {
  const client = await kit.pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const tables: Readonly<Record<string, string>> = {
  counters: 'name',
  dialog_list: 'dialog_id',
  dialog_messages: 'dialog_id, position',
  status_history: 'dialog_id, position',
  assignment_audit: 'dialog_id, position',
  response_intervals: 'dialog_id, position',
  dialog_list_deleted: 'dialog_id',
  dialog_messages_lines: 'dialog_id',
  assignment_audit_lines: 'dialog_id',
};

/** Every row of every read-model table (search vectors included), in key order. */
export async function snapshotReadModels(pool: Pool): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(tables)) {
    const { rows } = await pool.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM read_models.${table} t ORDER BY ${key}`);
    snapshot[table] = rows.map((r) => r.row);
  }
  return snapshot;
}
