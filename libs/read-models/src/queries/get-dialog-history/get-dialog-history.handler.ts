import type { Actor, DetailedStatus, GeneralStatus } from '@switchboard/dialogs';
import { dialogScopeOf, isDialogVisible } from '../shared/dialog-visibility';
import { encodePositionCursor } from '../shared/opaque-cursor';
import { pageOf, type Page } from '../shared/page';
import { SqlParams, type ReadDatabase } from '../shared/read-database';
import type { ReadBack } from '../shared/read-back';
import type { StatusChangeRow } from '../../status-history/status-change.row';

export type GetDialogHistoryQuery = Readonly<{ viewer: Actor; dialogId: string; limit: number; afterPosition?: string }>;

/** One change of a dialog's statuses; `from` is null for the opening. */
export type StatusChangeView = Readonly<{
  position: string;
  eventId: string;
  eventType: string;
  occurredAt: Date;
  actor: Readonly<{ kind: string; id: string }> | null;
  fromGeneralStatus: GeneralStatus | null;
  toGeneralStatus: GeneralStatus;
  fromDetailedStatus: DetailedStatus | null;
  toDetailedStatus: DetailedStatus;
}>;

type HistoryRow = Omit<ReadBack<StatusChangeRow>, 'dialog_id'>;

/** A dialog's status history in log order, for the readers who may see the dialog. */
export class GetDialogHistoryHandler {
  constructor(private readonly db: ReadDatabase) {}

  /** Undefined when the dialog is not there or not visible. */
  async execute(query: GetDialogHistoryQuery): Promise<Page<StatusChangeView> | undefined> {
    if (!(await isDialogVisible(this.db, query.dialogId, dialogScopeOf(query.viewer), query.viewer.id))) return undefined;
    const params = new SqlParams();
    const conditions = [`h.dialog_id = ${params.add(query.dialogId, 'text')}`];
    if (query.afterPosition !== undefined) conditions.push(`h.position > ${params.add(query.afterPosition, 'bigint')}`);
    const rows = await this.db.query<HistoryRow>(
      `SELECT h.position::text AS position, h.event_id, h.event_type, h.occurred_at, h.actor_kind, h.actor_id,
              h.from_general_status, h.to_general_status, h.from_detailed_status, h.to_detailed_status
         FROM read_models.status_history h
        WHERE ${conditions.join(' AND ')}
        ORDER BY h.position
        LIMIT ${params.add(query.limit + 1, 'integer')}`,
      params.values,
    );
    return pageOf(rows, query.limit, statusChangeViewOf, (row) => encodePositionCursor(row.position));
  }
}

function statusChangeViewOf(row: HistoryRow): StatusChangeView {
  return {
    position: row.position,
    eventId: row.event_id,
    eventType: row.event_type,
    occurredAt: row.occurred_at,
    actor: row.actor_kind === null || row.actor_id === null ? null : { kind: row.actor_kind, id: row.actor_id },
    fromGeneralStatus: row.from_general_status,
    toGeneralStatus: row.to_general_status,
    fromDetailedStatus: row.from_detailed_status,
    toDetailedStatus: row.to_detailed_status,
  };
}
