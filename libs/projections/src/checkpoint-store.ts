import { prepared } from './prepared-statement';
import type { Pool, PoolClient } from 'pg';
import type { LogFilter, Position, RecordedEvent } from '@switchboard/event-store';

export interface Checkpoint {
  name: string;
  position: Position | undefined;
  status: 'running' | 'failed';
  error: string | null;
  failedEventId: string | null;
  failedEventType: string | null;
  failedPosition: Position | null;
  updatedAt: Date;
}

/** A row of projections.checkpoints; /projections reads it too. */
export interface CheckpointRow {
  name: string;
  position: string | null;
  status: 'running' | 'failed';
  error: string | null;
  failed_event_id: string | null;
  failed_event_type: string | null;
  failed_position: string | null;
  updated_at: Date;
  /** The filter its runner recorded; null for a checkpoint no runner has loaded since it was added. */
  follows: LogFilter | null;
}

const toCheckpoint = (row: CheckpointRow): Checkpoint => ({
  name: row.name,
  position: row.position === null ? undefined : BigInt(row.position),
  status: row.status,
  error: row.error,
  failedEventId: row.failed_event_id,
  failedEventType: row.failed_event_type,
  failedPosition: row.failed_position === null ? null : BigInt(row.failed_position),
  updatedAt: row.updated_at,
});

export class CheckpointStore {
  constructor(private readonly pool: Pool) {}

  /**
   * `follows` is the projection's filter (`{}`: the whole log), given by whoever runs it and
   * recorded so that lag is counted against what the projection takes; left as it is when absent.
   */
  async load(name: string, follows?: LogFilter): Promise<Checkpoint> {
    await this.pool.query(
      `INSERT INTO projections.checkpoints (name, follows) VALUES ($1, $2::jsonb)
       ON CONFLICT (name) DO UPDATE SET follows = excluded.follows
       WHERE excluded.follows IS NOT NULL AND checkpoints.follows IS DISTINCT FROM excluded.follows`,
      [name, follows === undefined ? null : JSON.stringify(follows)],
    );
    const { rows } = await this.pool.query<CheckpointRow>(`SELECT * FROM projections.checkpoints WHERE name = $1`, [name]);
    return toCheckpoint(rows[0]);
  }

  async all(): Promise<Checkpoint[]> {
    const { rows } = await this.pool.query<CheckpointRow>(`SELECT * FROM projections.checkpoints ORDER BY name`);
    return rows.map(toCheckpoint);
  }

  /**
   * Moves the checkpoint inside the projection's transaction, and only from where this runner
   * believes it is: a second runner of the same projection fails here instead of writing twice.
   */
  async advance(tx: PoolClient, name: string, from: Position | undefined, to: Position): Promise<void> {
    const result = await tx.query(
      prepared(`UPDATE projections.checkpoints SET position = $2, updated_at = now()
        WHERE name = $1 AND position IS NOT DISTINCT FROM $3 AND status = 'running'`),
      [name, to.toString(), from === undefined ? null : from.toString()],
    );
    if (result.rowCount !== 1) throw new CheckpointMovedError(name);
  }

  async fail(name: string, event: RecordedEvent, error: unknown): Promise<void> {
    await this.pool.query(
      `UPDATE projections.checkpoints SET status = 'failed', error = $2, failed_event_id = $3,
              failed_event_type = $4, failed_position = $5, updated_at = now() WHERE name = $1`,
      [name, errorText(error), event.id, event.type, event.position.toString()],
    );
  }

  /** After review: step over the failed event and run again. */
  async skipFailed(name: string): Promise<Checkpoint> {
    const { rows } = await this.pool.query<CheckpointRow>(
      `UPDATE projections.checkpoints SET position = failed_position, status = 'running', error = NULL,
              failed_event_id = NULL, failed_event_type = NULL, failed_position = NULL, updated_at = now()
        WHERE name = $1 AND status = 'failed' RETURNING *`,
      [name],
    );
    if (rows.length === 0) throw new Error(`projection ${name} has no failed event to skip`);
    return toCheckpoint(rows[0]);
  }

  /** Back to the first event, for a rebuild; the projection empties its tables itself. */
  async reset(tx: PoolClient, name: string): Promise<void> {
    await tx.query(
      `UPDATE projections.checkpoints SET position = NULL, status = 'running', error = NULL, failed_event_id = NULL,
              failed_event_type = NULL, failed_position = NULL, updated_at = now() WHERE name = $1`,
      [name],
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The checkpoint was not where this runner left it: its own earlier commit, or another runner. */
export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';
  constructor(readonly projection: string) {
    super(`checkpoint of ${projection} moved under this runner`);
  }
}
