import type { OpenedDialogSummary } from '../dialog-metrics';
import type { Column } from '../shared/json-columns';
import type { DialogListRow } from './dialog-list.row';

/** The columns sent for each row, in the order of DialogListRow. */
export const sentColumns: readonly Column<DialogListRow>[] = [
  ['dialog_id', 'text'],
  ['number', 'bigint'],
  ['summary', 'jsonb'],
  ['metrics', 'jsonb'],
  ['created_at', 'timestamptz'],
  ['queued_at', 'timestamptz'],
  ['first_operator_reply_at', 'timestamptz'],
  ['work_started_at', 'timestamptz'],
  ['last_message_at', 'timestamptz'],
  ['closed_by_operator_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['last_changed_at', 'timestamptz'],
  ['waiting_since', 'timestamptz'],
  ['wait_for_first_reply_ms', 'bigint'],
  ['time_to_start_of_work_ms', 'bigint'],
  ['time_to_close_by_operator_ms', 'bigint'],
  ['duration_ms', 'bigint'],
  ['first_message_response_ms', 'bigint'],
  ['bot_time_ms', 'bigint'],
  ['total_response_ms', 'bigint'],
  ['average_response_ms', 'bigint'],
  ['max_response_ms', 'bigint'],
  ['response_count', 'integer'],
  ['last_position', 'bigint'],
  ['search_text', 'text'],
  ['reassignment_count', 'integer'],
  ['reopen_count', 'integer'],
  ['business', 'jsonb'],
  ['wait_for_first_reply_business_ms', 'bigint'],
  ['time_to_start_of_work_business_ms', 'bigint'],
  ['time_to_close_by_operator_business_ms', 'bigint'],
  ['duration_business_ms', 'bigint'],
  ['first_message_response_business_ms', 'bigint'],
  ['bot_time_business_ms', 'bigint'],
  ['total_response_business_ms', 'bigint'],
  ['average_response_business_ms', 'bigint'],
  ['max_response_business_ms', 'bigint'],
];

type Summary = OpenedDialogSummary;
type Nested<K extends keyof Summary> = keyof NonNullable<Summary[K]> & string;

// Paths into the summary, checked against its type, so a renamed field fails to compile.
const text = (key: keyof Summary & string): string => `r.summary->>'${key}'`;
const flag = (key: keyof Summary & string): string => `(r.summary->>'${key}')::boolean`;
const list = (key: keyof Summary & string): string =>
  `ARRAY(SELECT e FROM jsonb_array_elements_text(r.summary->'${key}') WITH ORDINALITY AS a(e, i) ORDER BY i)`;
const nested = <K extends keyof Summary & string>(key: K, field: Nested<K>): string => `r.summary->'${key}'->>'${field}'`;

/** The columns that copy the summary, each with the SQL that reads it from the sent summary. */
export const summaryColumns: readonly (readonly [column: string, expression: string])[] = [
  ['line_id', text('lineId')],
  ['direction', text('direction')],
  ['channel', text('channel')],
  ['general_status', text('generalStatus')],
  ['detailed_status', text('detailedStatus')],
  ['journal_status', text('journalStatus')],
  ['is_spam', flag('isSpam')],
  ['client_id', nested('client', 'id')],
  ['client_name', nested('client', 'name')],
  ['assignee_id', text('assigneeId')],
  ['participants', list('participants')],
  ['tags', list('tags')],
  ['crm_link', `nullif(r.summary->'crmLink', 'null')`],
  ['page_url', text('pageUrl')],
  ['form_filled', flag('formFilled')],
  ['history_requested', flag('historyRequested')],
  ['pinned_to', text('pinnedTo')],
  ['client_rating', `(${nested('clientRating', 'rating')})::smallint`],
  ['client_comment', nested('clientRating', 'comment')],
  ['review_score', `(${nested('review', 'score')})::smallint`],
  ['review_comment', nested('review', 'comment')],
  ['reviewer_id', nested('review', 'reviewerId')],
  ['previous_dialog_id', text('previousDialogId')],
];
