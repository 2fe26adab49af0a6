import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DATABASE, type ResolvedDatabase } from '@switchboard/platform';
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { IdempotencyKeyReusedError } from '../command.errors';
import type { CommandResult, RequestContext } from '../request-context';
import { answerFromJson, answerToJson } from './answer-json';

/**
 * Each keyed request is done once per principal and key, and every copy of it gets the first
 * answer: retried in sequence or sent concurrently, revision, position and event types are the
 * same, and all but one say `duplicate: true`.
 *
 * A request claims its key with a session advisory lock (see the ledger's migration), runs,
 * records its answer and releases the lock; a concurrent copy waits on the lock, then finds the
 * answer. If the first copy failed, nothing is recorded and the copy runs itself. The pool is the
 * ledger's own: a command holding a claim also needs connections for its reads, and sharing a
 * pool would let enough concurrent claims starve the commands that hold them.
 *
 * The events still carry the key, so that a request whose process died after the append and
 * before its answer was recorded is recognised in the stream when it is retried.
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
    let healthy = false;
    try {
      const { rows } = await client.query<{ request: string; answer: unknown }>('SELECT * FROM write_side.idempotency_claim($1, $2)', [principal, key]);
      try {
        const earlier = rows[0];
        if (earlier !== undefined) {
          if (earlier.request !== request) throw new IdempotencyKeyReusedError(request, earlier.request);
          return { ...answerFromJson<Answer>(earlier.answer), duplicate: true };
        }
        const answer = await run();
        await client.query(`INSERT INTO write_side.idempotency_ledger (principal, key, request, answer) VALUES ($1, $2, $3, $4)`, [
          principal,
          key,
          request,
          answerToJson(answer),
        ]);
        return answer;
      } finally {
        await client.query('SELECT pg_advisory_unlock_all()');
        healthy = true;
      }
    } finally {
      // A connection that failed while it held the lock is closed, which releases the lock.
      client.release(!healthy);
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
