/**
 * One row per saved reply, for the list operators pick from while they answer. A deleted reply
 * keeps its row, marked, so that a batch applied again cannot bring it back; last_position makes
 * every change apply once, in log order. The index serves the usual read: the replies one person
 * may use, by title. A line's deletion hides the replies for it (deleted_lines), whenever they
 * were written or moved there: version 2.
 */
export const savedRepliesDdl: readonly string[] = [
  `CREATE TABLE saved_replies (
    saved_reply_id uuid        PRIMARY KEY,
    scope          text        NOT NULL CHECK (scope IN ('team', 'personal')),
    owner_id       text,
    line_id        text,
    title          text        NOT NULL,
    text           text        NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    deleted_at     timestamptz,
    last_position  bigint      NOT NULL
  )`,
  `CREATE INDEX saved_replies_by_title ON saved_replies (lower(title) text_pattern_ops) WHERE deleted_at IS NULL`,
  `CREATE TABLE saved_replies_deleted_lines (line_id text PRIMARY KEY, deleted_at timestamptz NOT NULL)`,
];

export const SAVED_REPLIES_TABLE = 'saved_replies';
export const SAVED_REPLIES_DELETED_LINES_TABLE = 'saved_replies_deleted_lines';
