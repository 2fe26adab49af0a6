// The query side of the read models, for the HTTP edge.
export type { ReadDatabase } from './shared/read-database';
export type { Page } from './shared/page';
export { PAGE_LIMITS } from './shared/page';
export type { TimeRange } from './shared/time-range';
export { sortOrders, type SortOrder } from './shared/sort-order';
export { decodePositionCursor, isPositionText } from './shared/opaque-cursor';
export { dialogScopeOf, isDialogVisible } from './shared/dialog-visibility';

export * from './list-dialogs/list-dialogs.query';
export { ListDialogsHandler } from './list-dialogs/list-dialogs.handler';
export type { DialogView } from './list-dialogs/dialog-view';
export { decodeDialogListCursor, type DialogListCursor } from './list-dialogs/dialog-list-cursor';
export {
  DEFAULT_DIALOG_LIST_SORT,
  dialogListSortKeys,
  isDialogListSortKey,
  type DialogListSortKey,
} from './list-dialogs/dialog-list-sort';
export { GetDialogHandler, type GetDialogQuery } from './get-dialog/get-dialog.handler';
export * from './get-dialog-messages/get-dialog-messages.handler';
export * from './get-dialog-history/get-dialog-history.handler';
export * from './list-assignment-audit/list-assignment-audit.query';
export { ListAssignmentAuditHandler } from './list-assignment-audit/list-assignment-audit.handler';
export { decodeAssignmentAuditCursor, type AssignmentAuditCursor } from './list-assignment-audit/assignment-audit-cursor';
export * from './response-time-stats/response-time-stats.handler';
export * from './operator-workload/operator-workload.handler';
export * from './projection-status/projection-status.handler';
export * from './projection-status/skip-failed-event';
export * from './read-your-writes/read-model-sources';
export * from './read-your-writes/read-model-freshness';
