import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages and notes of each dialog. The key is the dialog and the log position of the event
 * that recorded the item: it orders a dialog's items and makes a batch applied twice a no-op.
 * The search vector uses the 'simple' configuration: dialogs come in many languages, and a
 * language's stemmer would mangle the others.
 */
export class CreateDialogMessages1763700300200 implements MigrationInterface {
  name = 'CreateDialogMessages1763700300200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.dialog_messages (
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
      )`);
    // The projection's own record of each dialog's line, for line deletions.
    await q.query(`
      CREATE TABLE read_models.dialog_messages_lines (
        dialog_id text    PRIMARY KEY,
        line_id   text    NOT NULL,
        position  bigint  NOT NULL,
        deleted   boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX dialog_messages_lines_line ON read_models.dialog_messages_lines (line_id) WHERE NOT deleted`);
    await q.query(`CREATE INDEX dialog_messages_search ON read_models.dialog_messages USING gin (search)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.dialog_messages, read_models.dialog_messages_lines`);
  }
}
