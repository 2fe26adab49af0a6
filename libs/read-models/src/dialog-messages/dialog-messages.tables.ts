import { dialogLinesDdl } from '../dialog-rows/dialog-lines.tables';

/**
 * Messages and notes of each dialog. The key is the dialog and the log position of the event
 * that recorded the item: it orders a dialog's items and makes a batch applied twice a no-op.
 * The search vector uses the 'simple' configuration: dialogs come in many languages, and a
 * language's stemmer would mangle the others.
 */
export const dialogMessagesDdl: readonly string[] = [
  `CREATE TABLE dialog_messages (
    dialog_id   text        NOT NULL,
    position    bigint      NOT NULL,
    event_id    uuid        NOT NULL,
    item_id     text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('message', 'note')),
    author_kind text        NOT NULL,
    author_id   text        NOT NULL,
    text        text        NOT NULL,
    attachments jsonb       NOT NULL,
    occurred_at timestamptz NOT NULL,
    search      tsvector    NOT NULL GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
    PRIMARY KEY (dialog_id, position)
  )`,
  `CREATE INDEX dialog_messages_search ON dialog_messages USING gin (search)`,
  ...dialogLinesDdl('dialog_messages_lines'),
];
