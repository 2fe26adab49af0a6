import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change of a dialog's general or detailed status, with the event and the actor behind it.
 * An event changes a dialog's status at most once, so the event's position keys the row, and the
 * key alone serves the one query: a dialog's history in order.
 */
export class CreateStatusHistory1763700300300 implements MigrationInterface {
  name = 'CreateStatusHistory1763700300300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.status_history (
        dialog_id            text        NOT NULL,
        position             bigint      NOT NULL,
        event_id             uuid        NOT NULL,
        event_type           text        NOT NULL,
        occurred_at          timestamptz NOT NULL,
        actor_kind           text,
        actor_id             text,
        from_general_status  text,
        to_general_status    text        NOT NULL,
        from_detailed_status text,
        to_detailed_status   text        NOT NULL,
        PRIMARY KEY (dialog_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.status_history`);
  }
}
