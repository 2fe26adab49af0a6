import type { SortOrder } from '../shared/sort-order';

/** How a sort key's values compare, and how its cursor value is cast back in SQL. */
export type SortValueType = 'timestamptz' | 'bigint' | 'integer' | 'smallint' | 'text' | 'boolean';

type SortColumn = Readonly<{ column: string; type: SortValueType }>;

/**
 * Every column the list sorts by, and the only text that reaches ORDER BY: a key not in this map
 * never becomes SQL. Arrays (participants, tags) and the CRM link have no useful order, so they
 * are not here.
 */
export const dialogListSorts = {
  number: { column: 'number', type: 'bigint' },
  lineId: { column: 'line_id', type: 'text' },
  direction: { column: 'direction', type: 'text' },
  channel: { column: 'channel', type: 'text' },
  generalStatus: { column: 'general_status', type: 'text' },
  detailedStatus: { column: 'detailed_status', type: 'text' },
  journalStatus: { column: 'journal_status', type: 'text' },
  isSpam: { column: 'is_spam', type: 'boolean' },
  clientId: { column: 'client_id', type: 'text' },
  clientName: { column: 'client_name', type: 'text' },
  assigneeId: { column: 'assignee_id', type: 'text' },
  pageUrl: { column: 'page_url', type: 'text' },
  formFilled: { column: 'form_filled', type: 'boolean' },
  historyRequested: { column: 'history_requested', type: 'boolean' },
  pinnedTo: { column: 'pinned_to', type: 'text' },
  clientRating: { column: 'client_rating', type: 'smallint' },
  reviewScore: { column: 'review_score', type: 'smallint' },
  createdAt: { column: 'created_at', type: 'timestamptz' },
  queuedAt: { column: 'queued_at', type: 'timestamptz' },
  firstOperatorReplyAt: { column: 'first_operator_reply_at', type: 'timestamptz' },
  workStartedAt: { column: 'work_started_at', type: 'timestamptz' },
  lastMessageAt: { column: 'last_message_at', type: 'timestamptz' },
  closedByOperatorAt: { column: 'closed_by_operator_at', type: 'timestamptz' },
  closedAt: { column: 'closed_at', type: 'timestamptz' },
  lastChangedAt: { column: 'last_changed_at', type: 'timestamptz' },
  waitingSince: { column: 'waiting_since', type: 'timestamptz' },
  waitForFirstReplyMs: { column: 'wait_for_first_reply_ms', type: 'bigint' },
  timeToStartOfWorkMs: { column: 'time_to_start_of_work_ms', type: 'bigint' },
  timeToCloseByOperatorMs: { column: 'time_to_close_by_operator_ms', type: 'bigint' },
  durationMs: { column: 'duration_ms', type: 'bigint' },
  firstMessageResponseMs: { column: 'first_message_response_ms', type: 'bigint' },
  botTimeMs: { column: 'bot_time_ms', type: 'bigint' },
  totalResponseMs: { column: 'total_response_ms', type: 'bigint' },
  averageResponseMs: { column: 'average_response_ms', type: 'bigint' },
  maxResponseMs: { column: 'max_response_ms', type: 'bigint' },
  responseCount: { column: 'response_count', type: 'integer' },
  reassignmentCount: { column: 'reassignment_count', type: 'integer' },
  reopenCount: { column: 'reopen_count', type: 'integer' },
  waitForFirstReplyBusinessMs: { column: 'wait_for_first_reply_business_ms', type: 'bigint' },
  timeToStartOfWorkBusinessMs: { column: 'time_to_start_of_work_business_ms', type: 'bigint' },
  timeToCloseByOperatorBusinessMs: { column: 'time_to_close_by_operator_business_ms', type: 'bigint' },
  durationBusinessMs: { column: 'duration_business_ms', type: 'bigint' },
  firstMessageResponseBusinessMs: { column: 'first_message_response_business_ms', type: 'bigint' },
  botTimeBusinessMs: { column: 'bot_time_business_ms', type: 'bigint' },
  totalResponseBusinessMs: { column: 'total_response_business_ms', type: 'bigint' },
  averageResponseBusinessMs: { column: 'average_response_business_ms', type: 'bigint' },
  maxResponseBusinessMs: { column: 'max_response_business_ms', type: 'bigint' },
} as const satisfies Readonly<Record<string, SortColumn>>;

export type DialogListSortKey = keyof typeof dialogListSorts;

export const dialogListSortKeys = Object.keys(dialogListSorts) as readonly DialogListSortKey[];

export const isDialogListSortKey = (value: unknown): value is DialogListSortKey => typeof value === 'string' && Object.hasOwn(dialogListSorts, value);

/** Newest activity first. */
export const DEFAULT_DIALOG_LIST_SORT: Readonly<{ sort: DialogListSortKey; order: SortOrder }> = {
  sort: 'lastChangedAt',
  order: 'desc',
};
