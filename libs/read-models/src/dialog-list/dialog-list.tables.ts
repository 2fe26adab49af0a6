import type { TableColumn } from '../shared/json-columns';

/**
 * The dialog list: one row per dialog with every column of the main screen, the folded states
 * the projection continues from (summary, metrics, business) and the position of the last event
 * folded in, which makes an event applied twice a no-op. The states are JSON kept as text: only
 * the projection reads them, whole, and the server stores text as it comes, where jsonb would
 * parse every state on every write (three quarters of the row's cost, measured). Dialog numbers
 * come from a counter row that moves in the projection's transaction, so they follow the log
 * order of the openings and start again with a new generation.
 *
 * This list is the table's one description: its DDL, the columns the projection sends
 * (dialog-list.columns.ts) and those readers see (dialog-view.ts) derive from it, and the row
 * types of both sides are checked against it when compiling. A column is `shown` to readers, the
 * projection's `state`, or the `search` vector.
 */
export const dialogListColumns = [
  ['dialog_id', 'text', 'PRIMARY KEY', 'shown'],
  ['number', 'bigint', 'NOT NULL UNIQUE', 'shown'],
  ['line_id', 'text', 'NOT NULL', 'shown'],
  ['direction', 'text', 'NOT NULL', 'shown'],
  ['channel', 'text', 'NOT NULL', 'shown'],
  ['general_status', 'text', 'NOT NULL', 'shown'],
  ['detailed_status', 'text', 'NOT NULL', 'shown'],
  ['journal_status', 'text', 'NOT NULL', 'shown'],
  ['is_spam', 'boolean', 'NOT NULL', 'shown'],
  ['client_id', 'text', 'NOT NULL', 'shown'],
  ['client_name', 'text', '', 'shown'],
  ['assignee_id', 'text', '', 'shown'],
  ['participants', 'text[]', 'NOT NULL', 'shown'],
  ['tags', 'text[]', 'NOT NULL', 'shown'],
  ['crm_link', 'jsonb', '', 'shown'],
  ['page_url', 'text', '', 'shown'],
  ['form_filled', 'boolean', 'NOT NULL', 'shown'],
  ['history_requested', 'boolean', 'NOT NULL', 'shown'],
  ['pinned_to', 'text', '', 'shown'],
  ['client_rating', 'smallint', '', 'shown'],
  ['client_comment', 'text', '', 'shown'],
  ['review_score', 'smallint', '', 'shown'],
  ['review_comment', 'text', '', 'shown'],
  ['reviewer_id', 'text', '', 'shown'],
  ['previous_dialog_id', 'text', '', 'shown'],
  ['created_at', 'timestamptz', '', 'shown'],
  ['queued_at', 'timestamptz', '', 'shown'],
  ['first_operator_reply_at', 'timestamptz', '', 'shown'],
  ['work_started_at', 'timestamptz', '', 'shown'],
  ['last_message_at', 'timestamptz', '', 'shown'],
  ['closed_by_operator_at', 'timestamptz', '', 'shown'],
  ['closed_at', 'timestamptz', '', 'shown'],
  ['last_changed_at', 'timestamptz', '', 'shown'],
  ['waiting_since', 'timestamptz', '', 'shown'],
  ['wait_for_first_reply_ms', 'bigint', '', 'shown'],
  ['time_to_start_of_work_ms', 'bigint', '', 'shown'],
  ['time_to_close_by_operator_ms', 'bigint', '', 'shown'],
  ['duration_ms', 'bigint', '', 'shown'],
  ['first_message_response_ms', 'bigint', '', 'shown'],
  ['bot_time_ms', 'bigint', '', 'shown'],
  ['total_response_ms', 'bigint', '', 'shown'],
  ['average_response_ms', 'bigint', '', 'shown'],
  ['max_response_ms', 'bigint', '', 'shown'],
  ['response_count', 'integer', 'NOT NULL', 'shown'],
  ['summary', 'text', 'NOT NULL', 'state'],
  ['metrics', 'text', 'NOT NULL', 'state'],
  ['search', 'tsvector', 'NOT NULL', 'search'],
  ['last_position', 'bigint', 'NOT NULL', 'shown'],
  ['reassignment_count', 'integer', 'NOT NULL', 'shown'],
  ['reopen_count', 'integer', 'NOT NULL', 'shown'],
  ['business', 'text', 'NOT NULL', 'state'],
  ['wait_for_first_reply_business_ms', 'bigint', '', 'shown'],
  ['time_to_start_of_work_business_ms', 'bigint', '', 'shown'],
  ['time_to_close_by_operator_business_ms', 'bigint', '', 'shown'],
  ['duration_business_ms', 'bigint', '', 'shown'],
  ['first_message_response_business_ms', 'bigint', '', 'shown'],
  ['bot_time_business_ms', 'bigint', '', 'shown'],
  ['total_response_business_ms', 'bigint', '', 'shown'],
  ['average_response_business_ms', 'bigint', '', 'shown'],
  ['max_response_business_ms', 'bigint', '', 'shown'],
] as const satisfies readonly TableColumn[];

export type DialogListColumn = (typeof dialogListColumns)[number];

const dialogList = `CREATE TABLE dialog_list (\n${dialogListColumns.map(([name, type, constraint]) => `  ${name} ${type} ${constraint}`.trimEnd()).join(',\n')}\n)`;

// Newest activity first is the default order; both keys descend so that a keyset cursor
// "(last_changed_at, dialog_id) < ($1, $2)" walks the index. The filtered variants end with the
// same order, so a filter plus the default sort reads one index range.
const listIndexes = [
  `dialog_list_last_changed ON dialog_list (last_changed_at DESC, dialog_id DESC)`,
  `dialog_list_assignee ON dialog_list (assignee_id, general_status, last_changed_at DESC)`,
  `dialog_list_line ON dialog_list (line_id, last_changed_at DESC)`,
  `dialog_list_channel ON dialog_list (channel, last_changed_at DESC)`,
  `dialog_list_general_status ON dialog_list (general_status, last_changed_at DESC)`,
  `dialog_list_detailed_status ON dialog_list (detailed_status, last_changed_at DESC)`,
  // Operator workload: open assigned dialogs per assignee and status, from the index alone.
  `dialog_list_workload ON dialog_list (assignee_id, detailed_status) WHERE journal_status = 'active'`,
  `dialog_list_tags ON dialog_list USING gin (tags)`,
  `dialog_list_search ON dialog_list USING gin (search)`,
];

// The sorts analysts use most besides newest activity: without an index, sorting a large list
// by a metric reads and sorts every row (over 100 ms at 100,000 dialogs). Each pairs the column
// with the dialog id, the keyset cursor's tie-breaker, and serves both directions. Other columns
// stay sortable, at the cost of that full sort.
const sortedColumns = [
  'wait_for_first_reply_ms',
  'first_message_response_ms',
  'average_response_ms',
  'closed_at',
  'created_at',
  'wait_for_first_reply_business_ms',
  'first_message_response_business_ms',
  'average_response_business_ms',
];

// Dialogs dropped, deleted on their own or with their line (the events stay): later or replayed
// events of these are skipped, so a deleted dialog never comes back half-built or takes a second
// number. line_id is the line the dialog was in when it was dropped.
const deletedDialogs = `
  CREATE TABLE dialog_list_deleted (
    dialog_id  text        PRIMARY KEY,
    line_id    text        NOT NULL,
    position   bigint      NOT NULL,
    deleted_at timestamptz NOT NULL
  )`;

// Counters live in a table rather than in sequences because they must roll back with the
// batch that moved them.
const counters = `
  CREATE TABLE counters (
    name  text   PRIMARY KEY,
    value bigint NOT NULL
  )`;

export const dialogListDdl: readonly string[] = [
  dialogList,
  ...listIndexes.map((index) => `CREATE INDEX ${index}`),
  ...sortedColumns.map((column) => `CREATE INDEX dialog_list_sort_${column} ON dialog_list (${column}, dialog_id)`),
  deletedDialogs,
  counters,
  `INSERT INTO counters (name, value) VALUES ('dialog_number', 0)`,
];

export const dialogListTables = ['dialog_list', 'dialog_list_deleted', 'counters'] as const;
