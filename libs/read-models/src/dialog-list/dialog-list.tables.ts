/**
 * The dialog list: one row per dialog with every column of the main screen, the folded states
 * the projection continues from (summary, metrics) and the position of the last event folded
 * in, which makes an event applied twice a no-op. Dialog numbers come from a counter row that
 * moves in the projection's transaction, so they follow the log order of the openings and
 * start again with a new generation.
 */
const dialogList = `
  CREATE TABLE dialog_list (
    dialog_id                    text        PRIMARY KEY,
    number                       bigint      NOT NULL UNIQUE,
    line_id                      text        NOT NULL,
    direction                    text        NOT NULL,
    channel                      text        NOT NULL,
    general_status               text        NOT NULL,
    detailed_status              text        NOT NULL,
    journal_status               text        NOT NULL,
    is_spam                      boolean     NOT NULL,
    client_id                    text        NOT NULL,
    client_name                  text,
    assignee_id                  text,
    participants                 text[]      NOT NULL,
    tags                         text[]      NOT NULL,
    crm_link                     jsonb,
    page_url                     text,
    form_filled                  boolean     NOT NULL,
    history_requested            boolean     NOT NULL,
    pinned_to                    text,
    client_rating                smallint,
    client_comment               text,
    review_score                 smallint,
    review_comment               text,
    reviewer_id                  text,
    previous_dialog_id           text,
    created_at                   timestamptz,
    queued_at                    timestamptz,
    first_operator_reply_at      timestamptz,
    work_started_at              timestamptz,
    last_message_at              timestamptz,
    closed_by_operator_at        timestamptz,
    closed_at                    timestamptz,
    last_changed_at              timestamptz,
    waiting_since                timestamptz,
    wait_for_first_reply_ms      bigint,
    time_to_start_of_work_ms     bigint,
    time_to_close_by_operator_ms bigint,
    duration_ms                  bigint,
    first_message_response_ms    bigint,
    bot_time_ms                  bigint,
    total_response_ms            bigint,
    average_response_ms          bigint,
    max_response_ms              bigint,
    response_count               integer     NOT NULL,
    summary                      jsonb       NOT NULL,
    metrics                      jsonb       NOT NULL,
    search                       tsvector    NOT NULL,
    last_position                bigint      NOT NULL,
    reassignment_count           integer     NOT NULL,
    reopen_count                 integer     NOT NULL,
    business                     jsonb       NOT NULL,
    wait_for_first_reply_business_ms      bigint,
    time_to_start_of_work_business_ms     bigint,
    time_to_close_by_operator_business_ms bigint,
    duration_business_ms                  bigint,
    first_message_response_business_ms    bigint,
    bot_time_business_ms                  bigint,
    total_response_business_ms            bigint,
    average_response_business_ms          bigint,
    max_response_business_ms              bigint
  )`;

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
