import { businessTimingsOf, metricsOf } from '../../dialog-metrics';
import type { FoldedDialog } from '../../dialog-list/dialog-list.fold';
import type { DialogView } from '../list-dialogs/dialog-view';

const dateOf = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/**
 * A folded dialog in the shape GET /dialogs/{id} answers: the same columns the list's writer
 * takes from the summary and the metrics view, with the number the list gave the dialog.
 */
export function dialogViewOfFolded(dialog: FoldedDialog, number: number): DialogView {
  const { summary } = dialog;
  const { dates, timings, openIntervalStartedAt, counts } = metricsOf(dialog.metrics);
  return {
    dialogId: dialog.dialogId,
    number,
    lineId: summary.lineId,
    direction: summary.direction,
    channel: summary.channel,
    generalStatus: summary.generalStatus,
    detailedStatus: summary.detailedStatus,
    journalStatus: summary.journalStatus,
    isSpam: summary.isSpam,
    clientId: summary.client.id,
    clientName: summary.client.name,
    assigneeId: summary.assigneeId,
    participants: summary.participants,
    tags: summary.tags,
    crmLink: summary.crmLink,
    pageUrl: summary.pageUrl,
    formFilled: summary.formFilled,
    historyRequested: summary.historyRequested,
    pinnedTo: summary.pinnedTo,
    clientRating: summary.clientRating?.rating ?? null,
    clientComment: summary.clientRating?.comment ?? null,
    reviewScore: summary.review?.score ?? null,
    reviewComment: summary.review?.comment ?? null,
    reviewerId: summary.review?.reviewerId ?? null,
    previousDialogId: summary.previousDialogId,
    createdAt: dateOf(dates.createdAt),
    queuedAt: dateOf(dates.queuedAt),
    firstOperatorReplyAt: dateOf(dates.firstOperatorReplyAt),
    workStartedAt: dateOf(dates.workStartedAt),
    lastMessageAt: dateOf(dates.lastMessageAt),
    closedByOperatorAt: dateOf(dates.closedByOperatorAt),
    closedAt: dateOf(dates.closedAt),
    lastChangedAt: dateOf(dates.lastChangedAt),
    waitingSince: dateOf(openIntervalStartedAt),
    // Every timing the metric fold defines, including any added later.
    ...timings,
    lastPosition: dialog.lastPosition.toString(),
    ...counts,
    ...businessTimingsOf(dialog.business),
  };
}
