import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closed response intervals, for the aggregates per operator, line and day (count, mean,
 * median, p90, max). Each index leads with what an aggregate filters on, then the time range,
 * and carries the duration so the aggregate is read from the index alone.
 */
export class CreateResponseIntervals1763700300500 implements MigrationInterface {
  name = 'CreateResponseIntervals1763700300500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_models.response_intervals (
        dialog_id   text        NOT NULL,
        position    bigint      NOT NULL,
        event_id    uuid        NOT NULL,
        operator_id text        NOT NULL,
        line_id     text,
        started_at  timestamptz NOT NULL,
        ended_at    timestamptz NOT NULL,
        duration_ms bigint      NOT NULL,
        day         date        NOT NULL,
        PRIMARY KEY (dialog_id, position)
      )`);
    await q.query(
      `CREATE INDEX response_intervals_operator ON read_models.response_intervals (operator_id, ended_at) INCLUDE (duration_ms, day)`,
    );
    await q.query(
      `CREATE INDEX response_intervals_line ON read_models.response_intervals (line_id, ended_at) INCLUDE (duration_ms, day)`,
    );
    await q.query(
      `CREATE INDEX response_intervals_ended_at ON read_models.response_intervals (ended_at) INCLUDE (duration_ms, day, operator_id, line_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_models.response_intervals`);
  }
}
