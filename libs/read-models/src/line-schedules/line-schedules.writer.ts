import { prepared, type ProjectionTransaction } from '@switchboard/projections';
import { alwaysOpen, withScheduleEvent, type ScheduleTimeline } from '../business-hours';
import type { LineTimelines } from '../dialog-metrics';
import type { LineScheduleFact } from '../facts/recorded-fact';
import { LINE_SCHEDULES_TABLE } from './line-schedules.tables';

type StoredTimeline = Readonly<{ line_id: string; timeline: ScheduleTimeline; last_position: string }>;

async function loadRows(tx: ProjectionTransaction, lineIds: readonly string[]): Promise<readonly StoredTimeline[]> {
  if (lineIds.length === 0) return [];
  const { rows } = await tx.query<StoredTimeline>(
    prepared(`SELECT line_id, timeline, last_position FROM ${LINE_SCHEDULES_TABLE} WHERE line_id = ANY($1::text[])`),
    [lineIds],
  );
  return rows;
}

/** The timelines of these lines; a line that never had a schedule is left out (always open). */
export async function loadLineTimelines(tx: ProjectionTransaction, lineIds: readonly string[]): Promise<LineTimelines> {
  return new Map((await loadRows(tx, lineIds)).map((row) => [row.line_id, row.timeline]));
}

/**
 * Folds one schedule event onto its line's stored timeline. The row keeps the position of the
 * last event folded in, so a batch applied again changes nothing.
 */
export async function applyLineScheduleFact(tx: ProjectionTransaction, fact: LineScheduleFact): Promise<void> {
  const [stored] = await loadRows(tx, [fact.lineId]);
  if (stored !== undefined && BigInt(stored.last_position) >= fact.position) return;
  const timeline = withScheduleEvent(stored?.timeline ?? alwaysOpen, fact.event);
  await tx.query(
    `INSERT INTO ${LINE_SCHEDULES_TABLE} (line_id, timeline, last_position) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (line_id) DO UPDATE SET timeline = excluded.timeline, last_position = excluded.last_position`,
    [fact.lineId, JSON.stringify(timeline), fact.position.toString()],
  );
}
