import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keys personal data is sealed with, one per subject (a client), apart from the log: deleting
 * a row is what erases the subject's data, wherever the log lives (PostgreSQL or EventStoreDB).
 * stream_subjects says whose a stream is, for events that name their subject through it;
 * erased_subjects remembers erasures (how many destroyed a key), for events written in clear text
 * before sealing began and for the erasure's own record in the log.
 */
export class CreatePrivacyKeys1763701100000 implements MigrationInterface {
  name = 'CreatePrivacyKeys1763701100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS privacy`);
    await q.query(`
      CREATE TABLE privacy.subject_keys (
        subject_id text        PRIMARY KEY,
        key_id     uuid        NOT NULL UNIQUE,
        key        bytea       NOT NULL CHECK (octet_length(key) = 32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE privacy.stream_subjects (
        stream_id  text PRIMARY KEY,
        subject_id text NOT NULL
      )`);
    await q.query(`CREATE INDEX stream_subjects_by_subject ON privacy.stream_subjects (subject_id)`);
    await q.query(`
      CREATE TABLE privacy.erased_subjects (
        subject_id text        PRIMARY KEY,
        erased_at  timestamptz NOT NULL,
        erasures   integer     NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA privacy CASCADE`);
  }
}
