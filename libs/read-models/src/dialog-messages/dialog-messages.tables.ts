import { dialogLinesDdl } from '../dialog-rows/dialog-lines.tables';

/**
 * A dialog's chat timeline: messages, notes and system entries (who assigned, transferred, took,
 * joined, left, closed, reopened), as a dialog's screen shows them. The key is the dialog and the
 * log position of the event that recorded the item: it orders a dialog's items and makes a batch
 * applied twice a no-op. Messages and notes fill the item columns, system entries the action
 * columns; the checks hold each kind to its own. The search vector uses the 'simple'
 * configuration: dialogs come in many languages, and a language's stemmer would mangle the others.
 */
export const dialogMessagesDdl: readonly string[] = [
  `CREATE TABLE dialog_messages (
    dialog_id            text        NOT NULL,
    position             bigint      NOT NULL,
    event_id             uuid        NOT NULL,
    kind                 text        NOT NULL CHECK (kind IN ('message', 'note', 'system')),
    item_id              text,
    author_kind          text,
    author_id            text,
    text                 text,
    attachments          jsonb,
    action               text,
    actor_kind           text,
    actor_id             text,
    operator_id          text,
    previous_operator_id text,
    from_line_id         text,
    to_line_id           text,
    reason               text,
    occurred_at          timestamptz NOT NULL,
    search               tsvector    NOT NULL GENERATED ALWAYS AS (to_tsvector('simple', coalesce(text, ''))) STORED,
    PRIMARY KEY (dialog_id, position),
    CHECK ((kind = 'system') = (action IS NOT NULL)),
    CHECK (kind = 'system' OR (item_id IS NOT NULL AND author_kind IS NOT NULL AND author_id IS NOT NULL
                               AND text IS NOT NULL AND attachments IS NOT NULL))
  )`,
  `CREATE INDEX dialog_messages_search ON dialog_messages USING gin (search)`,
  ...dialogLinesDdl('dialog_messages_lines'),
];
