import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions with their own checkpoint in the log, the log of every delivery attempt,
 * and the events given up on (dead letters), with the exact body that was sent.
 */
export class CreateWebhooks1763700700000 implements MigrationInterface {
  name = 'CreateWebhooks1763700700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS webhooks`);
    await q.query(`
      CREATE TABLE webhooks.subscriptions (
        id           uuid        PRIMARY KEY,
        url          text        NOT NULL,
        secret       text        NOT NULL,
        description  text,
        event_types  text[]      NOT NULL DEFAULT '{}',
        categories   text[]      NOT NULL DEFAULT '{}',
        status       text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        position     bigint,
        created_by   text        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhooks.deliveries (
        id              bigserial   PRIMARY KEY,
        subscription_id uuid        NOT NULL REFERENCES webhooks.subscriptions (id) ON DELETE CASCADE,
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        position        bigint      NOT NULL,
        attempt         integer     NOT NULL,
        trigger         text        NOT NULL CHECK (trigger IN ('worker', 'redelivery')),
        attempted_at    timestamptz NOT NULL,
        duration_ms     integer     NOT NULL,
        status_code     integer,
        error           text,
        delivered       boolean     NOT NULL
      )`);
    await q.query(`CREATE INDEX deliveries_by_subscription ON webhooks.deliveries (subscription_id, id DESC)`);
    await q.query(`CREATE INDEX deliveries_by_event ON webhooks.deliveries (subscription_id, event_id)`);
    await q.query(`
      CREATE TABLE webhooks.dead_letters (
        subscription_id  uuid        NOT NULL REFERENCES webhooks.subscriptions (id) ON DELETE CASCADE,
        event_id         uuid        NOT NULL,
        event_type       text        NOT NULL,
        stream_id        text        NOT NULL,
        position         bigint      NOT NULL,
        body             text        NOT NULL,
        attempts         integer     NOT NULL,
        last_status_code integer,
        last_error       text,
        dead_lettered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subscription_id, event_id)
      )`);
    await q.query(`CREATE INDEX dead_letters_in_log_order ON webhooks.dead_letters (subscription_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA webhooks CASCADE`);
  }
}
