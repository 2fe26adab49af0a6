import type { CheckpointRow, GenerationRow } from '@switchboard/projections';
import type { ReadDatabase } from '../shared/read-database';
import type { ReadModelSource } from '../read-your-writes/read-model-sources';

/** Counting the events a projection has still to apply stops here: past it the exact number does not matter. */
export const LAG_COUNT_CAP = 100_000;

export type ProjectionStatusView = Readonly<{
  name: string;
  /** The last position applied, as decimal text; null before the first event. */
  position: string | null;
  /** `not_started`: a known read model whose runner never ran against this database. */
  status: 'running' | 'failed' | 'not_started';
  lag: Readonly<{
    /** Events after the position, up to what readers can see now; at most LAG_COUNT_CAP. */
    events: number;
    capped: boolean;
    /** Age of the oldest of them (when it was recorded), null when there are none. */
    oldestEventAgeMs: number | null;
    /** Whether only the events the projection follows were counted (its filter is recorded or known here). */
    filtered: boolean;
  }>;
  failure: Readonly<{ eventId: string; eventType: string; position: string; error: string }> | null;
  updatedAt: Date | null;
  /**
   * For a versioned read model: the generation this checkpoint belongs to. During a rebuild a
   * read model shows twice, the live generation under its own name, the one being built as
   * `<name>@g<generation>`, so the progress of the switch can be watched.
   */
  generation: Readonly<{ number: number; version: number; role: 'live' | 'building'; createdAt: Date; liveAt: Date | null }> | null;
}>;

/** A generation's row keyed by the name of its checkpoint, for the generations /projections shows. */
type ShownGenerationRow = Readonly<
  Pick<GenerationRow, 'generation' | 'version' | 'created_at' | 'live_at'> & { checkpoint: string; status: 'live' | 'building' }
>;

type LagRow = Readonly<{ events: number; oldest_age_ms: number | null }>;

/**
 * Every projection's checkpoint and how far behind the log it is. Lag is counted against the
 * position horizon, what a subscriber can see now, so an append still in flight is not lag,
 * and only over the events the projection follows: its checkpoint stays at the last event it
 * took, and the events it ignores after it are not behind. The filter is the one its runner
 * recorded on the checkpoint (the write side's reactions too), else the one of the known read
 * model; a checkpoint with neither is counted against the whole log and says so.
 */
export class ProjectionStatusHandler {
  constructor(
    private readonly db: ReadDatabase,
    private readonly known: readonly ReadModelSource[],
  ) {}

  async execute(): Promise<readonly ProjectionStatusView[]> {
    const rows = await this.db.query<CheckpointRow>(
      `SELECT name, position::text AS position, status, error, failed_event_id, failed_event_type,
              failed_position::text AS failed_position, updated_at, follows
         FROM projections.checkpoints ORDER BY name`,
      [],
    );
    const generations = await this.db.query<ShownGenerationRow>(
      `SELECT CASE status WHEN 'live' THEN projection ELSE projection || '@g' || generation END AS checkpoint,
              generation, version, status, created_at, live_at
         FROM projections.generations WHERE status IN ('live', 'building')`,
      [],
    );
    const byName = new Map(rows.map((row) => [row.name, row]));
    const names = [...new Set([...byName.keys(), ...this.known.map((source) => source.name)])].sort();
    return Promise.all(
      names.map((name) =>
        this.statusOf(
          name,
          byName.get(name),
          generations.find((g) => g.checkpoint === name),
        ),
      ),
    );
  }

  private async statusOf(name: string, row: CheckpointRow | undefined, generation: ShownGenerationRow | undefined): Promise<ProjectionStatusView> {
    // A generation being built follows what its read model follows.
    const readModel = name.replace(/@g\d+$/, '');
    const filter = row?.follows ?? this.known.find((candidate) => candidate.name === readModel)?.filter;
    const types = filter?.eventTypes?.length ? filter.eventTypes : null;
    const categories = filter?.categories?.length ? filter.categories : null;
    const [lag] = await this.db.query<LagRow>(
      `SELECT count(*)::integer AS events,
              round(extract(epoch FROM now() - min(behind.recorded_at)) * 1000)::float8 AS oldest_age_ms
         FROM (SELECT e.recorded_at FROM event_store.events e
                WHERE e.position > coalesce($1::bigint, -1) AND e.position < event_store.position_horizon()
                  AND ($2::text[] IS NULL OR e.type = ANY($2::text[]))
                  AND ($3::text[] IS NULL OR e.category = ANY($3::text[]))
                ORDER BY e.position LIMIT $4::integer) behind`,
      [row?.position ?? null, types, categories, LAG_COUNT_CAP],
    );
    return {
      name,
      position: row?.position ?? null,
      status: row?.status ?? 'not_started',
      lag: { events: lag.events, capped: lag.events >= LAG_COUNT_CAP, oldestEventAgeMs: lag.oldest_age_ms, filtered: filter !== undefined },
      failure: failureOf(row),
      updatedAt: row?.updated_at ?? null,
      generation: generation
        ? { number: generation.generation, version: generation.version, role: generation.status, createdAt: generation.created_at, liveAt: generation.live_at }
        : null,
    };
  }
}

function failureOf(row: CheckpointRow | undefined): ProjectionStatusView['failure'] {
  if (row?.status !== 'failed' || row.failed_event_id === null || row.failed_event_type === null || row.failed_position === null) {
    return null;
  }
  return { eventId: row.failed_event_id, eventType: row.failed_event_type, position: row.failed_position, error: row.error ?? '' };
}
