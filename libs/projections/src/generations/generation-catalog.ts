import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '../in-transaction';
import { READ_MODELS_SCHEMA, shapeOf, type ReadModelDefinition, type VersionedProjection } from './read-model';

export type GenerationStatus = 'building' | 'live' | 'retired' | 'dropped';

export interface Generation {
  readonly projection: string;
  readonly generation: number;
  readonly version: number;
  readonly shape: string;
  readonly schema: string;
  readonly status: GenerationStatus;
  readonly createdAt: Date;
  readonly liveAt: Date | null;
}

/** A row of projections.generations. */
export interface GenerationRow {
  projection: string;
  generation: number;
  version: number;
  shape: string;
  schema_name: string;
  status: GenerationStatus;
  created_at: Date;
  live_at: Date | null;
}

const toGeneration = (row: GenerationRow): Generation => ({
  projection: row.projection,
  generation: row.generation,
  version: row.version,
  shape: row.shape,
  schema: row.schema_name,
  status: row.status,
  createdAt: row.created_at,
  liveAt: row.live_at,
});

/**
 * The checkpoint of the live generation keeps the projection's own name, so whatever asks "how
 * far is the dialog list" (read your writes, /projections, skip) needs no notion of generations;
 * a generation being built has its own, renamed to the plain name when it goes live.
 */
export const checkpointNameOf = (generation: Pick<Generation, 'projection' | 'generation' | 'status'>): string =>
  generation.status === 'live' ? generation.projection : `${generation.projection}@g${generation.generation}`;

/** The lock a batch into a generation holds shared and a switch takes exclusively. */
export const generationLockKey = (generation: Pick<Generation, 'projection' | 'generation'>): string =>
  `generation:${generation.projection}:${generation.generation}`;

/** Whether a generation was made by the code running now. */
export const isCurrent = (generation: Generation, projection: VersionedProjection): boolean =>
  generation.version === projection.readModel.version && generation.shape === shapeOf(projection.readModel);

const schemaNameOf = (projection: string, generation: number): string => `rm_${projection.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_g${generation}`;

/** The catalogue of read-model generations, and the atomic switch between them. */
export class GenerationCatalog {
  constructor(private readonly pool: Pool) {}

  async list(projection?: string): Promise<Generation[]> {
    const { rows } = await this.pool.query<GenerationRow>(
      `SELECT * FROM projections.generations WHERE $1::text IS NULL OR projection = $1 ORDER BY projection, generation`,
      [projection ?? null],
    );
    return rows.map(toGeneration);
  }

  async live(projection: string): Promise<Generation | undefined> {
    return (await this.list(projection)).find((g) => g.status === 'live');
  }

  /**
   * The generation a build should fill: the one already building for this code (a build that
   * was interrupted resumes), else a new, empty one. Builds for older code are dropped; a
   * build for newer code is left alone and refused.
   */
  async buildTarget(projection: VersionedProjection): Promise<Generation> {
    const building = (await this.list(projection.name)).filter((g) => g.status === 'building');
    const newer = building.find((g) => g.version > projection.readModel.version);
    if (newer)
      throw new Error(
        `generation ${newer.generation} of a newer version (${newer.version}) is being built; this code is version ${projection.readModel.version}`,
      );
    const resumable = building.find((g) => isCurrent(g, projection));
    for (const stale of building.filter((g) => g !== resumable)) await this.drop(stale);
    return resumable ?? (await this.create(projection));
  }

  /** Creates the next generation's schema and empty tables, as `building`. */
  async create(projection: VersionedProjection): Promise<Generation> {
    return inTransaction(this.pool, async (tx) => {
      await lockCatalog(tx, projection.name);
      const { rows } = await tx.query<{ next: number }>(`SELECT coalesce(max(generation), 0) + 1 AS next FROM projections.generations WHERE projection = $1`, [
        projection.name,
      ]);
      const generation = rows[0].next;
      const schema = schemaNameOf(projection.name, generation);
      await tx.query(`CREATE SCHEMA ${schema}`);
      await tx.query(`SET LOCAL search_path TO ${schema}`);
      for (const statement of tablesOf(projection.readModel)) await tx.query(statement);
      const created = await tx.query<GenerationRow>(
        `INSERT INTO projections.generations (projection, generation, version, shape, schema_name, status)
         VALUES ($1, $2, $3, $4, $5, 'building') RETURNING *`,
        [projection.name, generation, projection.readModel.version, shapeOf(projection.readModel), schema],
      );
      return toGeneration(created.rows[0]);
    });
  }

  /**
   * Makes a building generation the live one, in one transaction: its checkpoint takes the
   * projection's name, the old live generation is retired, and the `read_models` views are
   * pointed at the new tables. Readers see either the old tables or the new ones, never
   * neither. Refused (false) while the new generation is behind the live one, so the switch
   * never moves readers back in the log; the caller catches up and asks again.
   */
  async promote(projection: VersionedProjection, generation: Generation): Promise<boolean> {
    await this.indexForReaders(projection, generation);
    return inTransaction(this.pool, async (tx) => {
      await lockCatalog(tx, projection.name);
      // Waits for the batches in flight of both generations (they hold their lock shared) and
      // keeps the next ones out until the switch commits.
      const current = await this.list(projection.name);
      for (const g of current.filter((c) => c.status === 'live' || c.generation === generation.generation)) {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [generationLockKey(g)]);
      }
      const building = checkpointNameOf(generation);
      const { rows } = await tx.query<{ name: string; position: string | null; status: string }>(
        `SELECT name, position::text AS position, status FROM projections.checkpoints WHERE name = ANY($1::text[])`,
        [[projection.name, building]],
      );
      const next = rows.find((r) => r.name === building);
      const live = rows.find((r) => r.name === projection.name);
      if (!next || next.status !== 'running') return false;
      if (live && BigInt(live.position ?? -1) > BigInt(next.position ?? -1)) return false;
      await tx.query(`DELETE FROM projections.checkpoints WHERE name = $1`, [projection.name]);
      await tx.query(`UPDATE projections.checkpoints SET name = $1, updated_at = now() WHERE name = $2`, [projection.name, building]);
      await tx.query(`UPDATE projections.generations SET status = 'retired', retired_at = now() WHERE projection = $1 AND status = 'live'`, [projection.name]);
      await tx.query(`UPDATE projections.generations SET status = 'live', live_at = now() WHERE projection = $1 AND generation = $2`, [
        projection.name,
        generation.generation,
      ]);
      await pointViewsAt(tx, projection.readModel.tables, generation.schema);
      return true;
    });
  }

  /**
   * Creates the generation's secondary indexes, which only readers need: a generation being
   * filled writes every row several times, and each write would update every index. Built once
   * over the filled tables, before readers are switched to them; a build that resumes after a
   * crash between two of them creates the rest.
   */
  private async indexForReaders(projection: VersionedProjection, generation: Generation): Promise<void> {
    const indexes = secondaryIndexesOf(projection.readModel);
    if (indexes.length === 0) return;
    await inTransaction(this.pool, async (tx) => {
      await tx.query(`SELECT set_config('search_path', $1, true)`, [generation.schema]);
      for (const statement of indexes) await tx.query(statement);
    });
  }

  /** Drops the tables of retired generations; their rows stay, as the history of rebuilds. */
  async dropRetired(projection: string): Promise<void> {
    for (const retired of (await this.list(projection)).filter((g) => g.status === 'retired')) await this.drop(retired);
  }

  private async drop(generation: Generation): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      await lockCatalog(tx, generation.projection);
      if (generation.status === 'building') {
        await tx.query(`DELETE FROM projections.checkpoints WHERE name = $1`, [checkpointNameOf(generation)]);
      }
      await tx.query(`DROP SCHEMA IF EXISTS ${generation.schema} CASCADE`);
      await tx.query(
        `UPDATE projections.generations SET status = 'dropped', retired_at = coalesce(retired_at, now())
          WHERE projection = $1 AND generation = $2`,
        [generation.projection, generation.generation],
      );
    });
  }
}

/** One change of a projection's generations at a time, across processes. */
async function lockCatalog(tx: PoolClient, projection: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`generations:${projection}`]);
}

async function pointViewsAt(tx: PoolClient, tables: readonly string[], schema: string): Promise<void> {
  // Projections switching at once would race to create the schema.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('generations:views'))`);
  await tx.query(`CREATE SCHEMA IF NOT EXISTS ${READ_MODELS_SCHEMA}`);
  for (const table of tables) {
    // Drop and create rather than replace: a new generation may have other columns.
    await tx.query(`DROP VIEW IF EXISTS ${READ_MODELS_SCHEMA}.${table}`);
    await tx.query(`CREATE VIEW ${READ_MODELS_SCHEMA}.${table} AS SELECT * FROM ${schema}.${table}`);
  }
}

/**
 * The live generation, created empty and made live at once when there is none: how a read
 * model starts on a new database, filling from the log as it always did.
 */
export async function ensureLiveGeneration(
  catalog: GenerationCatalog,
  checkpoints: { load(name: string): Promise<unknown> },
  projection: VersionedProjection,
): Promise<Generation> {
  const live = await catalog.live(projection.name);
  if (live) return live;
  const first = await catalog.buildTarget(projection);
  await checkpoints.load(checkpointNameOf(first));
  await catalog.promote(projection, first);
  const promoted = await catalog.live(projection.name);
  if (!promoted) throw new Error(`no live generation of ${projection.name} after creating one`);
  return promoted;
}

// A secondary index: not unique, so no write depends on it (upserts arbitrate on unique ones).
const SECONDARY_INDEX = /^\s*CREATE\s+INDEX\s+(?!IF NOT EXISTS)/i;

/** The statements that create a new generation's tables, without its secondary indexes. */
const tablesOf = (definition: ReadModelDefinition): string[] => definition.ddl.filter((statement) => !SECONDARY_INDEX.test(statement));

/** The secondary indexes of the definition, each created only if it is not there yet. */
const secondaryIndexesOf = (definition: ReadModelDefinition): string[] =>
  definition.ddl.filter((statement) => SECONDARY_INDEX.test(statement)).map((statement) => statement.replace(SECONDARY_INDEX, 'CREATE INDEX IF NOT EXISTS '));
