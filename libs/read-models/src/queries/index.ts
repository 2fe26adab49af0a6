// The query side of the read models, for the HTTP edge.
export { readDatabaseOf, type ReadDatabase } from './shared/read-database';
export type { Page } from './shared/page';
export { PAGE_LIMITS, pageOf } from './shared/page';
export type { TimeRange } from './shared/time-range';
export { sortOrders, type SortOrder } from './shared/sort-order';
export { decodePositionCursor, encodePositionCursor, isPositionText } from './shared/opaque-cursor';
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
export * from './get-dialog-as-of/get-dialog-as-of.handler';
export * from './get-dialog-messages/get-dialog-messages.handler';
export { systemActions, type SystemAction } from '../dialog-messages/dialog-system-entry';
export * from './get-dialog-history/get-dialog-history.handler';
export * from './list-assignment-audit/list-assignment-audit.query';
export { ListAssignmentAuditHandler } from './list-assignment-audit/list-assignment-audit.handler';
export { decodeAssignmentAuditCursor, type AssignmentAuditCursor } from './list-assignment-audit/assignment-audit-cursor';
export * from './response-time-stats/response-time-stats.handler';
export * from './first-response-stats/first-response-stats.handler';
export type { DurationAggregate, DurationGroup } from './shared/duration-aggregates';
export * from './operator-workload/operator-workload.handler';
export * from './projection-status/projection-status.handler';
export * from './projection-status/skip-failed-event';
export * from './read-your-writes/read-model-sources';
export * from './read-your-writes/read-model-freshness';

export * from './exports/table-export';
export { dialogListExport } from './exports/dialog-list.export';
export { responseIntervalsExport } from './exports/response-intervals.export';
export { assignmentAuditExport } from './exports/assignment-audit.export';
export type { TableRow } from './exports/keyset-table.export';
export { assignmentAuditCsvColumns } from './list-assignment-audit/assignment-audit.csv';
export { assignmentAuditPages } from './list-assignment-audit/assignment-audit-pages';
export * from './list-saved-replies/list-saved-replies.handler';
export * from './list-reminders/list-reminders.handler';
