import { dialogLinesDdl } from '../dialog-rows/dialog-lines.tables';

/**
 * One row per use of a saved reply in an operator's message, for the statistics of which reply
 * is used how often and by whom. Keyed by the dialog and the log position of the use, which
 * makes a batch applied twice a no-op. Rows of a deleted dialog, or of the dialogs of a deleted
 * line, are dropped like the rest of their conversation.
 */
export const savedReplyUsesDdl: readonly string[] = [
  `CREATE TABLE saved_reply_uses (
    dialog_id      text        NOT NULL,
    position       bigint      NOT NULL,
    saved_reply_id uuid        NOT NULL,
    operator_id    text        NOT NULL,
    line_id        text        NOT NULL,
    used_at        timestamptz NOT NULL,
    PRIMARY KEY (dialog_id, position)
  )`,
  `CREATE INDEX saved_reply_uses_by_time ON saved_reply_uses (used_at)`,
  ...dialogLinesDdl('saved_reply_uses_lines'),
];
