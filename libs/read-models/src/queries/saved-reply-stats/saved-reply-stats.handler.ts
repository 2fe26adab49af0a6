import type { Actor, SavedReplyScope } from '@switchboard/dialogs';
import { SqlParams, type ReadDatabase } from '../shared/read-database';
import { timeRangeConditions, type TimeRange } from '../shared/time-range';

export type SavedReplyStatsQuery = Readonly<{
  viewer: Actor;
  /** When the reply was used. */
  used?: TimeRange;
  /** The dialog's line when the reply was used; any of them. */
  lineIds?: readonly string[];
}>;

export type SavedReplyUsage = Readonly<{
  savedReplyId: string;
  /** Null when the reply's own events were never read (it cannot be, for a use the domain let through). */
  scope: SavedReplyScope | null;
  /** Shown for the team's replies and the viewer's own: another's personal reply stays theirs. */
  title: string | null;
  deleted: boolean;
  uses: number;
  byOperator: readonly Readonly<{ operatorId: string; uses: number }>[];
}>;

type Row = Readonly<{
  saved_reply_id: string;
  operator_id: string;
  uses: number;
  scope: SavedReplyScope | null;
  owner_id: string | null;
  title: string | null;
  deleted: boolean;
}>;

/**
 * How often each saved reply was used, and by whom: most used first, and within a reply its most
 * frequent users first. Uses of deleted dialogs (and of the dialogs of deleted lines) are gone
 * with them; a deleted reply's uses still count.
 */
export class SavedReplyStatsHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(query: SavedReplyStatsQuery): Promise<readonly SavedReplyUsage[]> {
    const params = new SqlParams();
    const conditions = timeRangeConditions('u.used_at', query.used, params);
    if (query.lineIds !== undefined && query.lineIds.length > 0) conditions.push(`u.line_id = ANY(${params.add(query.lineIds, 'text[]')})`);
    const rows = await this.db.query<Row>(
      `SELECT u.saved_reply_id, u.operator_id, u.uses, r.scope, r.owner_id, r.title, r.deleted_at IS NOT NULL AS deleted
         FROM (SELECT saved_reply_id, operator_id, count(*)::integer AS uses
                 FROM read_models.saved_reply_uses u
                ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
                GROUP BY saved_reply_id, operator_id) u
         LEFT JOIN read_models.saved_replies r ON r.saved_reply_id = u.saved_reply_id
        ORDER BY u.saved_reply_id, u.uses DESC, u.operator_id`,
      params.values,
    );
    return usagesOf(rows, query.viewer);
  }
}

function usagesOf(rows: readonly Row[], viewer: Actor): SavedReplyUsage[] {
  const byReply = new Map<string, SavedReplyUsage & { byOperator: { operatorId: string; uses: number }[] }>();
  for (const row of rows) {
    const usage = byReply.get(row.saved_reply_id) ?? {
      savedReplyId: row.saved_reply_id,
      scope: row.scope,
      title: row.scope === 'team' || row.owner_id === viewer.id ? row.title : null,
      deleted: row.deleted,
      uses: 0,
      byOperator: [],
    };
    usage.byOperator.push({ operatorId: row.operator_id, uses: row.uses });
    byReply.set(row.saved_reply_id, { ...usage, uses: usage.uses + row.uses });
  }
  return [...byReply.values()].sort((a, b) => b.uses - a.uses || (a.savedReplyId < b.savedReplyId ? -1 : 1));
}
