import type { Actor } from '@switchboard/dialogs';
import { ListDialogsQueryDto } from './dto/list-dialogs-query.dto';
import { DEFAULT_DIALOG_LIST_SORT, decodeDialogListCursor, PAGE_LIMITS, type ListDialogsQuery, type TimeRange } from '@switchboard/read-models/queries';

/** A validated query string as the list query: dates parsed, defaults applied, the cursor decoded. */
export function listDialogsQueryOf(dto: ListDialogsQueryDto, viewer: Actor): ListDialogsQuery {
  return {
    viewer,
    filters: {
      generalStatuses: dto.status,
      detailedStatuses: dto.detailedStatus,
      operatorIds: dto.operatorId,
      unassigned: dto.unassigned,
      assignedToMe: dto.assignedToMe,
      unanswered: dto.unanswered,
      channels: dto.channel,
      lineIds: dto.lineId,
      tags: dto.tag,
      text: dto.q,
      created: timeRangeOf(dto.createdFrom, dto.createdTo),
      lastChanged: timeRangeOf(dto.lastChangedFrom, dto.lastChangedTo),
      closed: timeRangeOf(dto.closedFrom, dto.closedTo),
      spam: dto.spam,
      reminderDue: dto.reminderDue,
    },
    sort: dto.sort ?? DEFAULT_DIALOG_LIST_SORT.sort,
    order: dto.order ?? DEFAULT_DIALOG_LIST_SORT.order,
    limit: dto.limit ?? PAGE_LIMITS.default,
    cursor: dto.cursor === undefined ? undefined : decodeDialogListCursor(dto.cursor),
  };
}

/** Validated instants or UTC dates (a date means its midnight, UTC). */
export function timeRangeOf(from: string | undefined, to: string | undefined): TimeRange | undefined {
  if (from === undefined && to === undefined) return undefined;
  return { from: from === undefined ? undefined : new Date(from), to: to === undefined ? undefined : new Date(to) };
}
