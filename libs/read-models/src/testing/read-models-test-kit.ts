import { Pool, type PoolClient } from 'pg';
import {
  eventStoreMigrations,
  PostgresEventStore,
  withPersonalData,
  type EventStore,
  type LogFilter,
  type PersonalDataCatalogue,
  type RecordedEvent,
} from '@switchboard/event-store';
import {
  buildGeneration,
  checkpointNameOf,
  CheckpointStore,
  ensureLiveGeneration,
  GenerationCatalog,
  inTransaction as inPoolTransaction,
  isVersioned,
  ProjectionRunner,
  projectionInto,
  projectionMigrations,
  type Projection,
  type VersionedProjection,
} from '@switchboard/projections';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { readModelProjections } from '../index';
import { readModelMigrations } from '../migrations';

export type ReadModelProjection = VersionedProjection;

/** Fresh instances of every read-model projection, as a new process would make them. */
export const allProjections = (): ReadModelProjection[] => readModelProjections.map((Type) => new Type());

export interface ReadModelsTestKit {
  readonly db: TestDatabase;
  readonly store: EventStore;
  readonly pool: Pool;
  readonly checkpoints: CheckpointStore;
  readonly catalog: GenerationCatalog;
  close(): Promise<void>;
}

/** Makes an empty live generation of each read model, as the projector does on a new database. */
export async function goLive(pool: Pool, projections: readonly VersionedProjection[] = allProjections()): Promise<void> {
  const catalog = new GenerationCatalog(pool);
  const checkpoints = new CheckpointStore(pool);
  for (const projection of projections) await ensureLiveGeneration(catalog, checkpoints, projection);
}

/**
 * A fresh database with the log, the checkpoints and live (empty) read models, for one spec file;
 * with a catalogue of personal fields, the store seals them as the apps' does.
 */
export async function startTestKit(personalData?: PersonalDataCatalogue): Promise<ReadModelsTestKit> {
  const db = await createTestDatabase([...eventStoreMigrations, ...projectionMigrations, ...readModelMigrations]);
  const adapter = new PostgresEventStore({ connectionString: db.url });
  const store = personalData === undefined ? adapter : withPersonalData(adapter, db.url, personalData);
  const pool = new Pool({ connectionString: db.url });
  await goLive(pool);
  return {
    db,
    store,
    pool,
    checkpoints: new CheckpointStore(pool),
    catalog: new GenerationCatalog(pool),
    async close() {
      await pool.end();
      await store.close();
      await db.drop();
    },
  };
}

/** The projections writing into their live generations, named as their checkpoints are. */
export async function live(kit: ReadModelsTestKit, projections: readonly ReadModelProjection[]): Promise<Projection[]> {
  return Promise.all(projections.map((p) => ensureLiveGeneration(kit.catalog, kit.checkpoints, p).then((g) => projectionInto(p, g))));
}

/** The projections writing into a new generation each, not yet live: what a rebuild fills. */
export async function nextGenerations(kit: ReadModelsTestKit, projections: readonly ReadModelProjection[]): Promise<Projection[]> {
  return Promise.all(
    projections.map(async (p) => {
      const bound = projectionInto(p, await kit.catalog.buildTarget(p));
      await kit.checkpoints.load(bound.name);
      return bound;
    }),
  );
}

/**
 * Switches readers to each projection's building generation, which must have taken every event
 * it follows. Its checkpoint first moves past the events its filter skips, as a build does: the
 * live generation's has moved past them, and a switch never moves readers back in the log.
 */
export async function switchOver(kit: ReadModelsTestKit, projections: readonly ReadModelProjection[]): Promise<void> {
  for (const projection of projections) {
    const building = (await kit.catalog.list(projection.name)).find((g) => g.status === 'building');
    if (building) await lookThroughSkipped(kit, projection.filter, checkpointNameOf(building));
    if (!building || !(await kit.catalog.promote(projection, building))) throw new Error(`${projection.name} could not switch`);
    await kit.catalog.dropRetired(projection.name);
  }
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

/**
 * Runs the projections side by side, as the projector does, until they applied what the log
 * holds now: a read model into its live generation, a generation-bound projection into its own.
 */
export async function catchUp(kit: ReadModelsTestKit, given: readonly Projection[], batchSize = 500): Promise<void> {
  const projections = [...given.filter((p) => !isVersioned(p)), ...(await live(kit, given.filter(isVersioned)))];
  const runners = projections.map((projection) => new ProjectionRunner(projection, kit.store, kit.pool, kit.checkpoints, { batchSize }));
  await Promise.all(runners.map((runner) => runner.start()));
  try {
    await Promise.all(projections.map((projection) => waitForCheckpoint(kit, projection)));
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()));
  }
}

/**
 * The position of the last event written that the projection reads, whatever the read horizon
 * says now: the projections' own open transactions hold the horizon back, and a target below it
 * would end a wait too early.
 */
export async function lastPositionFor(pool: Pool, projection: Projection): Promise<bigint | undefined> {
  const { rows } = await pool.query<{ last: string | null }>(
    `SELECT max(position)::text AS last FROM event_store.events
      WHERE ($1::text[] IS NULL OR type = ANY($1::text[])) AND ($2::text[] IS NULL OR category = ANY($2::text[]))`,
    [projection.filter?.eventTypes ?? null, projection.filter?.categories ?? null],
  );
  return rows[0].last === null ? undefined : BigInt(rows[0].last);
}

export async function waitForCheckpoint(kit: ReadModelsTestKit, projection: Projection): Promise<void> {
  const target = await lastPositionFor(kit.pool, projection);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const checkpoint = await kit.checkpoints.load(projection.name);
    if (checkpoint.status === 'failed') throw new Error(`${projection.name} failed: ${checkpoint.error}`);
    if (target === undefined || (checkpoint.position !== undefined && checkpoint.position >= target)) return;
    if (Date.now() > deadline) throw new Error(`${projection.name} did not reach ${target}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Rebuilds each read model as the rebuild command does: a new generation, filled, then switched to. */
export async function rebuild(kit: ReadModelsTestKit, projections: readonly ReadModelProjection[], batchSize: number): Promise<void> {
  for (const projection of projections) {
    const generation = await kit.catalog.buildTarget(projection);
    const result = await buildGeneration(projection, generation, kit, { batchSize });
    if (!result.promoted) throw new Error(`${projection.name} was not switched to`);
  }
}

/** How many rows each table holds of one dialog, by table name. */
export async function rowsOfDialog(pool: Pool, dialogId: string, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM read_models.${table} WHERE dialog_id = $1`, [dialogId]);
    counts[table] = rows[0].n;
  }
  return counts;
}

export function inTransaction(kit: ReadModelsTestKit, work: (tx: PoolClient) => Promise<void>): Promise<void> {
  return inPoolTransaction(kit.pool, work);
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
  assignment_responses: 'dialog_id, assignment_number',
  line_schedules: 'line_id',
  saved_replies: 'saved_reply_id',
  saved_replies_deleted_lines: 'line_id',
  saved_reply_uses: 'dialog_id, position',
  saved_reply_uses_lines: 'dialog_id',
  reminders: 'reminder_id',
  reminders_deleted_dialogs: 'dialog_id',
};

/** Every row of every read-model table (search vectors included), in key order, as readers see them. */
export async function snapshotReadModels(pool: Pool): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(tables)) {
    const { rows } = await pool.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM read_models.${table} t ORDER BY ${key}`);
    snapshot[table] = rows.map((r) => r.row);
  }
  return snapshot;
}

async function lookThroughSkipped(kit: ReadModelsTestKit, filter: LogFilter | undefined, checkpoint: string): Promise<void> {
  const { position } = await kit.checkpoints.load(checkpoint);
  const page = await kit.store.readPage({ after: position, filter, maxCount: 1 });
  if (page.events.length > 0) throw new Error(`${checkpoint} has not taken every event it follows`);
  const to = page.lookedThrough;
  if (to === undefined || (position !== undefined && to <= position)) return;
  await inTransaction(kit, (tx) => kit.checkpoints.advance(tx, checkpoint, position, to));
}
