import { ERASED } from '@switchboard/event-store';
import type { DialogEvent } from '@switchboard/dialogs';
import { businessTimingsOf, metricsOf, type OpenedDialogSummary } from '../dialog-metrics';
import type { NumberedDialog } from './listed-dialog';

/**
 * What the projection sends for one dialog-list row: the folded states, the columns that copy
 * the summary, and what the metrics view computes from them. The copies are taken here rather
 * than out of the summary in SQL: two dozen JSON paths and two array subqueries per row cost the
 * server more than the row's bytes sent twice.
 */
export type DialogListRow = Readonly<{
  dialog_id: string;
  number: number;
  // The folded states, as JSON text (see the table).
  summary: string;
  metrics: string;
  line_id: string;
  direction: string;
  channel: string;
  general_status: string;
  detailed_status: string;
  journal_status: string;
  is_spam: boolean;
  client_id: string;
  client_name: string | null;
  assignee_id: string | null;
  participants: readonly string[];
  tags: readonly string[];
  crm_link: OpenedDialogSummary['crmLink'];
  page_url: string | null;
  form_filled: boolean;
  history_requested: boolean;
  pinned_to: string | null;
  client_rating: number | null;
  client_comment: string | null;
  review_score: number | null;
  review_comment: string | null;
  reviewer_id: string | null;
  previous_dialog_id: string | null;
  created_at: string | null;
  queued_at: string | null;
  first_operator_reply_at: string | null;
  work_started_at: string | null;
  last_message_at: string | null;
  closed_by_operator_at: string | null;
  closed_at: string | null;
  last_changed_at: string | null;
  waiting_since: string | null;
  wait_for_first_reply_ms: number | null;
  time_to_start_of_work_ms: number | null;
  time_to_close_by_operator_ms: number | null;
  duration_ms: number | null;
  first_message_response_ms: number | null;
  bot_time_ms: number | null;
  total_response_ms: number | null;
  average_response_ms: number | null;
  max_response_ms: number | null;
  response_count: number;
  last_position: string;
  // Words to add to the row's search vector: those of the events folded in this batch.
  search_text: string;
  reassignment_count: number;
  reopen_count: number;
  business: string;
  wait_for_first_reply_business_ms: number | null;
  time_to_start_of_work_business_ms: number | null;
  time_to_close_by_operator_business_ms: number | null;
  duration_business_ms: number | null;
  first_message_response_business_ms: number | null;
  bot_time_business_ms: number | null;
  total_response_business_ms: number | null;
  average_response_business_ms: number | null;
  max_response_business_ms: number | null;
}>;

export function dialogListRowOf(dialog: NumberedDialog, searchText: string): DialogListRow {
  const { dates, timings, openIntervalStartedAt, counts } = metricsOf(dialog.metrics);
  const business = businessTimingsOf(dialog.business);
  const { summary } = dialog;
  return {
    dialog_id: dialog.dialogId,
    number: dialog.number,
    summary: JSON.stringify(summary),
    metrics: JSON.stringify(dialog.metrics),
    line_id: summary.lineId,
    direction: summary.direction,
    channel: summary.channel,
    general_status: summary.generalStatus,
    detailed_status: summary.detailedStatus,
    journal_status: summary.journalStatus,
    is_spam: summary.isSpam,
    client_id: summary.client.id,
    client_name: summary.client.name ?? null,
    assignee_id: summary.assigneeId,
    participants: summary.participants,
    tags: summary.tags,
    crm_link: summary.crmLink,
    page_url: summary.pageUrl,
    form_filled: summary.formFilled,
    history_requested: summary.historyRequested,
    pinned_to: summary.pinnedTo,
    client_rating: summary.clientRating?.rating ?? null,
    client_comment: summary.clientRating?.comment ?? null,
    review_score: summary.review?.score ?? null,
    review_comment: summary.review?.comment ?? null,
    reviewer_id: summary.review?.reviewerId ?? null,
    previous_dialog_id: summary.previousDialogId,
    created_at: dates.createdAt,
    queued_at: dates.queuedAt,
    first_operator_reply_at: dates.firstOperatorReplyAt,
    work_started_at: dates.workStartedAt,
    last_message_at: dates.lastMessageAt,
    closed_by_operator_at: dates.closedByOperatorAt,
    closed_at: dates.closedAt,
    last_changed_at: dates.lastChangedAt,
    waiting_since: openIntervalStartedAt,
    wait_for_first_reply_ms: timings.waitForFirstReplyMs,
    time_to_start_of_work_ms: timings.timeToStartOfWorkMs,
    time_to_close_by_operator_ms: timings.timeToCloseByOperatorMs,
    duration_ms: timings.durationMs,
    first_message_response_ms: timings.firstMessageResponseMs,
    bot_time_ms: timings.botTimeMs,
    total_response_ms: timings.totalResponseMs,
    average_response_ms: timings.averageResponseMs,
    max_response_ms: timings.maxResponseMs,
    response_count: timings.responseCount,
    last_position: dialog.lastPosition.toString(),
    search_text: searchText,
    reassignment_count: counts.reassignmentCount,
    reopen_count: counts.reopenCount,
    business: JSON.stringify(dialog.business),
    wait_for_first_reply_business_ms: business.waitForFirstReplyBusinessMs,
    time_to_start_of_work_business_ms: business.timeToStartOfWorkBusinessMs,
    time_to_close_by_operator_business_ms: business.timeToCloseByOperatorBusinessMs,
    duration_business_ms: business.durationBusinessMs,
    first_message_response_business_ms: business.firstMessageResponseBusinessMs,
    bot_time_business_ms: business.botTimeBusinessMs,
    total_response_business_ms: business.totalResponseBusinessMs,
    average_response_business_ms: business.averageResponseBusinessMs,
    max_response_business_ms: business.maxResponseBusinessMs,
  };
}

/**
 * What the list's text search finds a dialog by: the client's name and the public messages. An
 * erased text adds no word, so a rebuild's vector is the one the erasure left (see erased-dialog.ts).
 */
export function searchTextOf(event: DialogEvent): string | null {
  const text = event.type === 'DialogOpened' ? event.data.client.name : event.type === 'MessageSent' ? event.data.text : null;
  return text === ERASED ? null : text;
}
