import { createHash } from 'node:crypto';
import type { Projection } from '../projection';

/**
 * What a versioned read model owns. Each generation of it lives in a PostgreSQL schema of its
 * own, created empty by `ddl` (unqualified names: the statements run with that schema alone on
 * the search path), and readers see the live generation through views of the same names in the
 * `read_models` schema. Read models are never migrated by hand: a changed definition is a new
 * generation, filled by replay beside the live one and switched to when it has caught up.
 */
export interface ReadModelDefinition {
  /** Raise it when the meaning of what the projection writes changes (a metric's definition): the projector rebuilds. */
  readonly version: number;
  /** The tables readers see, in the order their views are created. */
  readonly tables: readonly string[];
  /** Its secondary indexes (`CREATE INDEX`, not unique) are created when a generation is readied for readers. */
  readonly ddl: readonly string[];
}

export interface VersionedProjection extends Projection {
  readonly readModel: ReadModelDefinition;
}

export const isVersioned = (projection: Projection): projection is VersionedProjection => (projection as Partial<VersionedProjection>).readModel !== undefined;

/**
 * A fingerprint of the tables' shape. When it differs from the live generation's, the code can
 * no longer write into the live tables, so the live generation is frozen (still served) until
 * the new one takes over; when only the version differs, the live one keeps following the log.
 */
export const shapeOf = (definition: ReadModelDefinition): string => createHash('sha256').update(definition.ddl.join(';\n')).digest('hex').slice(0, 16);

/** Where readers find every live generation, as views. */
export const READ_MODELS_SCHEMA = 'read_models';
