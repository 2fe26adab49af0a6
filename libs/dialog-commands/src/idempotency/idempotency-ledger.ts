import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DATABASE, type ResolvedDatabase } from '@switchboard/platform';
import { createHash } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { IdempotencyKeyReusedError } from '../command.errors';
import type { CommandResult, RequestContext } from '../request-context';
import { answerFromJson, answerToJson } from './answer-json';

/**
 * Each keyed request is done once per principal and key, and every copy of it gets the first
 * answer: retried in sequence or sent concurrently, revision, position and event types are the
 * same, and all but one say `duplicate: true`.
 *
 * The claim is a row inserted in a transaction held open while the command runs and committed
 * with its answer. A concurrent copy's insert waits on the primary key until that commit, then
 * reads the answer; if the first copy failed, its claim rolls back and the copy runs itself. The
 * pool is the ledger's own: a command holding a claim also needs connections for its reads, and
 * sharing a pool would let enough concurrent claims starve the commands that hold them.
 *
 * The events still carry the key, so that a request whose process died after the append and
 * before the commit is recognised in the stream when it is retried.
 */
@Injectable()
export class IdempotencyLedger implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(@Inject(DATABASE) database: ResolvedDatabase) {
    this.pool = new Pool({ connectionString: database.url, max: 16 });
  }

  /** `request` names what was asked (see requestOf): a key reused for another request is refused. */
  async once<Answer extends CommandResult>(context: RequestContext, request: string, run: () => Promise<Answer>): Promise<Answer> {
    const key = context.idempotencyKey;
    if (key === undefined) return run();
    const principal = `${context.actor.kind}:${context.actor.id}`;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const claimed = await client.query(
        `INSERT INTO write_side.idempotency_ledger (principal, key, request) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [principal, key, request],
      );
      if (claimed.rowCount === 0) {
        await client.query('ROLLBACK');
        return await earlierAnswer<Answer>(client, principal, key, request);
      }
      const answer = await run();
      await client.query(`UPDATE write_side.idempotency_ledger SET answer = $3 WHERE principal = $1 AND key = $2`, [
        principal,
        key,
        answerToJson(answer),
      ]);
      await client.query('COMMIT');
      return answer;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * What a request asked, to tell a retry from another request under the same key: a readable
 * label (command and target) and a digest of its content, so that a channel reusing a key for a
 * different message hears so instead of losing the message to an earlier answer.
 */
export function requestOf(label: string, content: unknown): string {
  return `${label} ${createHash('sha256').update(answerToJson(content)).digest('base64url').slice(0, 22)}`;
}

async function earlierAnswer<Answer extends CommandResult>(client: PoolClient, principal: string, key: string, request: string): Promise<Answer> {
  const { rows } = await client.query<{ request: string; answer: unknown }>(
    `SELECT request, answer FROM write_side.idempotency_ledger WHERE principal = $1 AND key = $2`,
    [principal, key],
  );
  const earlier = rows[0];
  if (earlier === undefined) throw new Error(`idempotency claim of ${principal} ${key} vanished after its commit`);
  if (earlier.request !== request) throw new IdempotencyKeyReusedError(request, earlier.request);
  return { ...answerFromJson<Answer>(earlier.answer), duplicate: true };
}
