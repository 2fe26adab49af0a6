import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { newSubjectKey } from './field-cipher';

export interface SubjectKey {
  keyId: string;
  key: Buffer;
}

/** What an erasure did: how many of the subject's erasures destroyed something, and every stream known to be the subject's. */
export interface ErasureOutcome {
  /** One more than before when a key was destroyed, or on the first erasure; the same for a repeat. */
  erasures: number;
  streams: string[];
}

// Creates the subject's key unless there is one and records the streams as the subject's, in one
// round trip; when a concurrent first append created the key after this statement's snapshot,
// the select finds nothing and the caller asks again.
const KEY_FOR_SQL = `
  WITH created AS (
    INSERT INTO privacy.subject_keys (subject_id, key_id, key) VALUES ($1, $2, $3)
    ON CONFLICT (subject_id) DO NOTHING RETURNING key_id, key
  ), streams AS (
    INSERT INTO privacy.stream_subjects (stream_id, subject_id) SELECT unnest($4::text[]), $1 ON CONFLICT DO NOTHING
  )
  SELECT key_id, key FROM created
  UNION ALL SELECT key_id, key FROM privacy.subject_keys WHERE subject_id = $1
  LIMIT 1`;

/** The subjects' keys in PostgreSQL, with whose each stream is and who was erased. */
export class SubjectKeys {
  private readonly pool: Pool;

  constructor(connectionString: string) {
    this.pool = new Pool({ connectionString, max: 4 });
    // An idle connection the server ended (a restart, a dropped database) leaves the pool; the
    // next query connects anew. Unhandled, the error would end the process.
    this.pool.on('error', () => undefined);
  }

  async keyFor(subjectId: string, streams: readonly string[]): Promise<SubjectKey> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { rows } = await this.pool.query<{ key_id: string; key: Buffer }>(KEY_FOR_SQL, [subjectId, randomUUID(), newSubjectKey(), streams]);
      if (rows[0] !== undefined) return { keyId: rows[0].key_id, key: rows[0].key };
    }
    throw new Error(`no key could be made for subject ${subjectId}`);
  }

  async subjectsOfStreams(streams: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ stream_id: string; subject_id: string }>(
      `SELECT stream_id, subject_id FROM privacy.stream_subjects WHERE stream_id = ANY($1::text[])`,
      [streams],
    );
    return new Map(rows.map((row) => [row.stream_id, row.subject_id]));
  }

  async recordStreams(subjectId: string, streams: readonly string[]): Promise<void> {
    await this.pool.query(`INSERT INTO privacy.stream_subjects (stream_id, subject_id) SELECT unnest($2::text[]), $1 ON CONFLICT DO NOTHING`, [
      subjectId,
      streams,
    ]);
  }

  /** The keys that still exist among these ids: a destroyed key is simply absent. */
  async keysById(keyIds: readonly string[]): Promise<Map<string, Buffer>> {
    const { rows } = await this.pool.query<{ key_id: string; key: Buffer }>(`SELECT key_id, key FROM privacy.subject_keys WHERE key_id = ANY($1::uuid[])`, [
      keyIds,
    ]);
    return new Map(rows.map((row) => [row.key_id, row.key]));
  }

  /** Which of these subjects, and which of these streams' subjects, were erased. */
  async erasedAmong(subjects: readonly string[], streams: readonly string[]): Promise<{ subjects: Set<string>; streams: Set<string> }> {
    const { rows } = await this.pool.query<{ kind: 'subject' | 'stream'; id: string }>(
      `SELECT 'subject' AS kind, subject_id AS id FROM privacy.erased_subjects WHERE subject_id = ANY($1::text[])
       UNION ALL
       SELECT 'stream', s.stream_id FROM privacy.stream_subjects s JOIN privacy.erased_subjects e USING (subject_id) WHERE s.stream_id = ANY($2::text[])`,
      [subjects, streams],
    );
    return {
      subjects: new Set(rows.filter((row) => row.kind === 'subject').map((row) => row.id)),
      streams: new Set(rows.filter((row) => row.kind === 'stream').map((row) => row.id)),
    };
  }

  /**
   * Destroys the subject's key and remembers the erasure, in one transaction. `streams` are the
   * subject's streams known elsewhere (written before sealing began, so never recorded here).
   */
  async erase(subjectId: string, streams: readonly string[], at: Date): Promise<ErasureOutcome> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const destroyed = await client.query(`DELETE FROM privacy.subject_keys WHERE subject_id = $1`, [subjectId]);
      const counted = await client.query<{ erasures: number }>(
        `INSERT INTO privacy.erased_subjects AS e (subject_id, erased_at, erasures) VALUES ($1, $2, 1)
         ON CONFLICT (subject_id) DO UPDATE SET erased_at = CASE WHEN $3 THEN excluded.erased_at ELSE e.erased_at END,
                                                erasures = e.erasures + CASE WHEN $3 THEN 1 ELSE 0 END
         RETURNING erasures`,
        [subjectId, at, (destroyed.rowCount ?? 0) > 0],
      );
      await client.query(`INSERT INTO privacy.stream_subjects (stream_id, subject_id) SELECT unnest($2::text[]), $1 ON CONFLICT DO NOTHING`, [
        subjectId,
        streams,
      ]);
      const known = await client.query<{ stream_id: string }>(`SELECT stream_id FROM privacy.stream_subjects WHERE subject_id = $1 ORDER BY stream_id`, [
        subjectId,
      ]);
      await client.query('COMMIT');
      return { erasures: counted.rows[0].erasures, streams: known.rows.map((row) => row.stream_id) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Whether anything is known of the subject: a key, a stream or an erasure. */
  async isKnown(subjectId: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM privacy.subject_keys WHERE subject_id = $1
       UNION ALL SELECT 1 FROM privacy.stream_subjects WHERE subject_id = $1
       UNION ALL SELECT 1 FROM privacy.erased_subjects WHERE subject_id = $1 LIMIT 1`,
      [subjectId],
    );
    return rows.length > 0;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
