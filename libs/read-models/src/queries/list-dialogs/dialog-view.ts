import type { CrmLink, DetailedStatus, DialogDirection, GeneralStatus, JournalStatus } from '@switchboard/dialogs';
import type { BusinessTimings, DialogCounts, DialogTimings } from '../../dialog-metrics';
import { dialogListColumns, type DialogListColumn } from '../../dialog-list/dialog-list.tables';
import type { Assert, SameKeys } from '../../shared/json-columns';

/** One dialog as the list and the dialog's own page show it: every column of the main screen, the timings as the metric fold defines them. */
export type DialogView = Readonly<{
  dialogId: string;
  number: number;
  lineId: string;
  direction: DialogDirection;
  channel: string;
  generalStatus: GeneralStatus;
  detailedStatus: DetailedStatus;
  journalStatus: JournalStatus;
  isSpam: boolean;
  clientId: string;
  clientName: string | null;
  assigneeId: string | null;
  participants: readonly string[];
  tags: readonly string[];
  crmLink: CrmLink | null;
  pageUrl: string | null;
  formFilled: boolean;
  historyRequested: boolean;
  pinnedTo: string | null;
  clientRating: number | null;
  clientComment: string | null;
  reviewScore: number | null;
  reviewComment: string | null;
  reviewerId: string | null;
  previousDialogId: string | null;
  createdAt: Date | null;
  queuedAt: Date | null;
  firstOperatorReplyAt: Date | null;
  workStartedAt: Date | null;
  lastMessageAt: Date | null;
  closedByOperatorAt: Date | null;
  closedAt: Date | null;
  lastChangedAt: Date | null;
  waitingSince: Date | null;
  /** Position of the last event folded into the row, as decimal text. */
  lastPosition: string;
}> &
  DialogTimings &
  DialogCounts &
  BusinessTimings;

/** A dialog_list row as pg hands it over: bigints as text, timestamps as Date. */
export type DialogListSqlRow = Readonly<{
  dialog_id: string;
  number: string;
  line_id: string;
  direction: DialogDirection;
  channel: string;
  general_status: GeneralStatus;
  detailed_status: DetailedStatus;
  journal_status: JournalStatus;
  is_spam: boolean;
  client_id: string;
  client_name: string | null;
  assignee_id: string | null;
  participants: string[];
  tags: string[];
  crm_link: CrmLink | null;
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
  created_at: Date | null;
  queued_at: Date | null;
  first_operator_reply_at: Date | null;
  work_started_at: Date | null;
  last_message_at: Date | null;
  closed_by_operator_at: Date | null;
  closed_at: Date | null;
  last_changed_at: Date | null;
  waiting_since: Date | null;
  wait_for_first_reply_ms: string | null;
  time_to_start_of_work_ms: string | null;
  time_to_close_by_operator_ms: string | null;
  duration_ms: string | null;
  first_message_response_ms: string | null;
  bot_time_ms: string | null;
  total_response_ms: string | null;
  average_response_ms: string | null;
  max_response_ms: string | null;
  response_count: number;
  last_position: string;
  reassignment_count: number;
  reopen_count: number;
  wait_for_first_reply_business_ms: string | null;
  time_to_start_of_work_business_ms: string | null;
  time_to_close_by_operator_business_ms: string | null;
  duration_business_ms: string | null;
  first_message_response_business_ms: string | null;
  bot_time_business_ms: string | null;
  total_response_business_ms: string | null;
  average_response_business_ms: string | null;
  max_response_business_ms: string | null;
}>;

// What readers see: the table's shown columns; the projection's states and the search vector
// stay in the table.
type ShownName = Extract<DialogListColumn, readonly [string, string, string, 'shown']>[0];

/** The columns a view is made of, in the table's order (the export's column order). */
export const DIALOG_VIEW_COLUMNS: readonly ShownName[] = dialogListColumns.flatMap(([name, , , role]) => (role === 'shown' ? [name] : []));

/** Compiles only while the row readers get and the table's description name the same columns. */
export type DialogListSqlRowMatchesTable = Assert<SameKeys<keyof DialogListSqlRow, ShownName>>;

export const dialogViewColumns = (alias: string): string => DIALOG_VIEW_COLUMNS.map((column) => `${alias}.${column}`).join(', ');

// Milliseconds and numbers stay far below 2^53; log positions do not, and stay text.
const ms = (value: string | null): number | null => (value === null ? null : Number(value));

export function dialogViewOf(row: DialogListSqlRow): DialogView {
  return {
    dialogId: row.dialog_id,
    number: Number(row.number),
    lineId: row.line_id,
    direction: row.direction,
    channel: row.channel,
    generalStatus: row.general_status,
    detailedStatus: row.detailed_status,
    journalStatus: row.journal_status,
    isSpam: row.is_spam,
    clientId: row.client_id,
    clientName: row.client_name,
    assigneeId: row.assignee_id,
    participants: row.participants,
    tags: row.tags,
    crmLink: row.crm_link,
    pageUrl: row.page_url,
    formFilled: row.form_filled,
    historyRequested: row.history_requested,
    pinnedTo: row.pinned_to,
    clientRating: row.client_rating,
    clientComment: row.client_comment,
    reviewScore: row.review_score,
    reviewComment: row.review_comment,
    reviewerId: row.reviewer_id,
    previousDialogId: row.previous_dialog_id,
    createdAt: row.created_at,
    queuedAt: row.queued_at,
    firstOperatorReplyAt: row.first_operator_reply_at,
    workStartedAt: row.work_started_at,
    lastMessageAt: row.last_message_at,
    closedByOperatorAt: row.closed_by_operator_at,
    closedAt: row.closed_at,
    lastChangedAt: row.last_changed_at,
    waitingSince: row.waiting_since,
    waitForFirstReplyMs: ms(row.wait_for_first_reply_ms),
    timeToStartOfWorkMs: ms(row.time_to_start_of_work_ms),
    timeToCloseByOperatorMs: ms(row.time_to_close_by_operator_ms),
    durationMs: ms(row.duration_ms),
    firstMessageResponseMs: ms(row.first_message_response_ms),
    botTimeMs: ms(row.bot_time_ms),
    totalResponseMs: ms(row.total_response_ms),
    averageResponseMs: ms(row.average_response_ms),
    maxResponseMs: ms(row.max_response_ms),
    responseCount: row.response_count,
    lastPosition: row.last_position,
    reassignmentCount: row.reassignment_count,
    reopenCount: row.reopen_count,
    waitForFirstReplyBusinessMs: ms(row.wait_for_first_reply_business_ms),
    timeToStartOfWorkBusinessMs: ms(row.time_to_start_of_work_business_ms),
    timeToCloseByOperatorBusinessMs: ms(row.time_to_close_by_operator_business_ms),
    durationBusinessMs: ms(row.duration_business_ms),
    firstMessageResponseBusinessMs: ms(row.first_message_response_business_ms),
    botTimeBusinessMs: ms(row.bot_time_business_ms),
    totalResponseBusinessMs: ms(row.total_response_business_ms),
    averageResponseBusinessMs: ms(row.average_response_business_ms),
    maxResponseBusinessMs: ms(row.max_response_business_ms),
  };
}
