import type { EventStore } from '@switchboard/event-store';
import type { ReadDatabase } from '../shared/read-database';
import type { ReadModelSource } from './read-model-sources';

export type FreshnessOptions = Readonly<{ timeoutMs: number; pollMs: number }>;

type PendingRow = Readonly<{ status: 'running' | 'failed' | null; pending: boolean }>;

/**
 * Read your writes: a command answers with the log position it wrote; a read given that
 * position waits until each read model it reads has applied everything up to it.
 *
 * "Applied up to" cannot mean "checkpoint >= position": a projection's checkpoint only moves to
 * the events its filter lets through, so after an event it ignores it may never pass that
 * position. So a read model is caught up when no event it follows lies between its checkpoint
 * and the position. The events table is read directly, not below the position horizon: an
 * event committed but not yet visible to subscribers is one the projection has still to apply.
 */
export class ReadModelFreshness {
  /**
   * `log` is given when the events live outside this database (EventStoreDB): what lies between
   * a checkpoint and the position is then asked of the store, which sees committed events only.
   */
  constructor(
    private readonly db: ReadDatabase,
    private readonly options: FreshnessOptions,
    private readonly log?: EventStore,
  ) {}

  /** True when every source caught up within the timeout; false when the read would be stale. */
  async waitFor(minPosition: bigint, sources: readonly ReadModelSource[]): Promise<boolean> {
    const deadline = Date.now() + this.options.timeoutMs;
    let waiting = [...sources];
    for (;;) {
      const states = await Promise.all(waiting.map((source) => this.pendingOf(source, minPosition)));
      // A failed projection stays where it is until someone skips its event: waiting is pointless.
      if (states.some((state) => state.pending && state.status === 'failed')) return false;
      waiting = waiting.filter((_, index) => states[index].pending);
      if (waiting.length === 0) return true;
      if (Date.now() + this.options.pollMs > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs));
    }
  }

  private async pendingOf(source: ReadModelSource, minPosition: bigint): Promise<PendingRow> {
    if (this.log) return this.pendingInStore(this.log, source, minPosition);
    const types = source.filter?.eventTypes?.length ? source.filter.eventTypes : null;
    const categories = source.filter?.categories?.length ? source.filter.categories : null;
    const rows = await this.db.query<PendingRow>(
      `SELECT c.status,
              EXISTS (SELECT 1 FROM event_store.events e
                       WHERE e.position > coalesce(c.position, -1) AND e.position <= $2::bigint
                         AND ($3::text[] IS NULL OR e.type = ANY($3::text[]))
                         AND ($4::text[] IS NULL OR e.category = ANY($4::text[]))) AS pending
         FROM (SELECT $1::text AS name) wanted
         LEFT JOIN projections.checkpoints c ON c.name = wanted.name`,
      [source.name, minPosition.toString(), types, categories],
    );
    return rows[0];
  }

  private async pendingInStore(log: EventStore, source: ReadModelSource, minPosition: bigint): Promise<PendingRow> {
    const rows = await this.db.query<{ status: 'running' | 'failed'; position: string | null }>(
      `SELECT status, position FROM projections.checkpoints WHERE name = $1`,
      [source.name],
    );
    const checkpoint = rows[0];
    const after = checkpoint?.position == null ? undefined : BigInt(checkpoint.position);
    const [next] = await log.readAll({ after, maxCount: 1, filter: source.filter });
    return { status: checkpoint?.status ?? null, pending: next !== undefined && next.position <= minPosition };
  }
}
