import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import { eventBodyOf } from '../delivery/event-body';
import { failureOf, type AttemptOutcome } from '../delivery/http-sender';
import type { Sql } from '../sql';

/** An event given up on, with the body that was sent, so that it can be sent again as it was. */
export interface DeadLetter {
  eventId: string;
  eventType: string;
  streamId: string;
  position: string;
  body: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deadLetteredAt: string;
}

interface DeadLetterRow {
  event_id: string;
  event_type: string;
  stream_id: string;
  position: string;
  body: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  dead_lettered_at: Date;
}

const toDeadLetter = (row: DeadLetterRow): DeadLetter => ({
  eventId: row.event_id,
  eventType: row.event_type,
  streamId: row.stream_id,
  position: row.position,
  body: row.body,
  attempts: row.attempts,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  deadLetteredAt: row.dead_lettered_at.toISOString(),
});

const COLUMNS = `event_id, event_type, stream_id, position::text, body, attempts, last_status_code, last_error, dead_lettered_at`;

/** The dead letters of each subscription, in log order. */
export class DeadLetters {
  constructor(private readonly sql: Sql) {}

  async add(tx: Sql, subscriptionId: string, event: RecordedEvent, body: string, attempts: number, last: AttemptOutcome): Promise<void> {
    await tx.query(
      `INSERT INTO webhooks.dead_letters
         (subscription_id, event_id, event_type, stream_id, position, body, attempts, last_status_code, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [
        subscriptionId,
        event.id,
        event.type,
        event.streamId,
        event.position.toString(),
        body,
        attempts,
        last.kind === 'answered' ? last.statusCode : null,
        failureOf(last),
      ],
    );
  }

  /** A page in log order; `after` is the position of the last row of the previous page. */
  async page(subscriptionId: string, limit: number, after?: string): Promise<DeadLetter[]> {
    const { rows } = await this.sql.query<DeadLetterRow>(
      // Ordered by the column, qualified: a bare name would sort by the text of the output column.
      `SELECT ${COLUMNS} FROM webhooks.dead_letters l
        WHERE subscription_id = $1 AND ($2::bigint IS NULL OR l.position > $2::bigint)
        ORDER BY l.position LIMIT $3`,
      [subscriptionId, after ?? null, limit],
    );
    return rows.map(toDeadLetter);
  }

  async find(subscriptionId: string, eventId: string): Promise<DeadLetter | undefined> {
    const { rows } = await this.sql.query<DeadLetterRow>(`SELECT ${COLUMNS} FROM webhooks.dead_letters WHERE subscription_id = $1 AND event_id = $2`, [
      subscriptionId,
      eventId,
    ]);
    return rows[0] && toDeadLetter(rows[0]);
  }

  async count(subscriptionId: string): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhooks.dead_letters WHERE subscription_id = $1`, [subscriptionId]);
    return rows[0].n;
  }

  /** A redelivery failed too: the entry stays, with the newest failure. */
  async noteFailure(subscriptionId: string, eventId: string, last: AttemptOutcome): Promise<void> {
    await this.sql.query(
      `UPDATE webhooks.dead_letters SET attempts = attempts + 1, last_status_code = $3, last_error = $4
        WHERE subscription_id = $1 AND event_id = $2`,
      [subscriptionId, eventId, last.kind === 'answered' ? last.statusCode : null, failureOf(last)],
    );
  }

  async remove(tx: Sql, subscriptionId: string, eventId: string): Promise<void> {
    await tx.query(`DELETE FROM webhooks.dead_letters WHERE subscription_id = $1 AND event_id = $2`, [subscriptionId, eventId]);
  }

  /**
   * Renders again, from the log as readers see it now, the kept bodies of a data subject's dead
   * letters: after an erasure a redelivery sends, and the table keeps, what every reader shows.
   * Found by the subject the body names, or by stream for events stored before sealing. Answers
   * how many bodies changed.
   */
  async renderAgain(store: EventStore, subjectId: string, streams: readonly string[]): Promise<number> {
    const { rows } = await this.sql.query<{ stream_id: string; event_id: string; body: string }>(
      `SELECT DISTINCT stream_id, event_id::text, body FROM webhooks.dead_letters
        WHERE stream_id = ANY($2::text[]) OR body::jsonb #>> '{metadata,personalData,subjectId}' = $1`,
      [subjectId, streams],
    );
    const streamEvents = new Map<string, RecordedEvent[]>();
    let changed = 0;
    for (const row of rows) {
      if (!streamEvents.has(row.stream_id)) streamEvents.set(row.stream_id, await store.readStream(row.stream_id));
      const event = streamEvents.get(row.stream_id)?.find((e) => e.id === row.event_id);
      if (event === undefined || eventBodyOf(event) === row.body) continue;
      await this.sql.query(`UPDATE webhooks.dead_letters SET body = $2 WHERE event_id = $1`, [row.event_id, eventBodyOf(event)]);
      changed++;
    }
    return changed;
  }
}
