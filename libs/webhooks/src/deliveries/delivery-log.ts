import type { Position } from '@switchboard/event-store';
import { failureOf, isDelivered, type AttemptOutcome } from '../delivery/http-sender';
import type { Sql } from '../sql';

export type DeliveryTrigger = 'worker' | 'redelivery';

export interface AttemptRecord {
  subscriptionId: string;
  eventId: string;
  eventType: string;
  position: Position;
  attempt: number;
  trigger: DeliveryTrigger;
  attemptedAt: Date;
  outcome: AttemptOutcome;
}

/** One attempt as the API lists it. */
export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  position: string;
  attempt: number;
  trigger: DeliveryTrigger;
  attemptedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  delivered: boolean;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  position: string;
  attempt: number;
  trigger: DeliveryTrigger;
  attempted_at: Date;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  delivered: boolean;
}

/** Every attempt at every event, successful or not, newest first when read. */
export class DeliveryLog {
  constructor(private readonly sql: Sql) {}

  async record(attempt: AttemptRecord, tx: Sql = this.sql): Promise<void> {
    const { outcome } = attempt;
    await tx.query(
      `INSERT INTO webhooks.deliveries
         (subscription_id, event_id, event_type, position, attempt, trigger, attempted_at, duration_ms, status_code, error, delivered)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        attempt.subscriptionId,
        attempt.eventId,
        attempt.eventType,
        attempt.position.toString(),
        attempt.attempt,
        attempt.trigger,
        attempt.attemptedAt,
        outcome.durationMs,
        outcome.kind === 'answered' ? outcome.statusCode : null,
        failureOf(outcome),
        isDelivered(outcome),
      ],
    );
  }

  /** The attempts at this event so far by this trigger: a restarted worker continues the count. */
  async attemptsAt(subscriptionId: string, eventId: string, trigger: DeliveryTrigger): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhooks.deliveries WHERE subscription_id = $1 AND event_id = $2 AND trigger = $3`,
      [subscriptionId, eventId, trigger],
    );
    return rows[0].n;
  }

  /** A page, newest first; `before` is the id of the last row of the previous page. */
  async page(subscriptionId: string, limit: number, before?: string): Promise<DeliveryView[]> {
    const { rows } = await this.sql.query<DeliveryRow>(
      // Ordered by the column, qualified: a bare name would sort by the text of the output column.
      `SELECT id::text, event_id, event_type, position::text, attempt, trigger, attempted_at, duration_ms, status_code, error, delivered
         FROM webhooks.deliveries d
        WHERE subscription_id = $1 AND ($2::bigint IS NULL OR d.id < $2::bigint)
        ORDER BY d.id DESC LIMIT $3`,
      [subscriptionId, before ?? null, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      eventType: row.event_type,
      position: row.position,
      attempt: row.attempt,
      trigger: row.trigger,
      attemptedAt: row.attempted_at.toISOString(),
      durationMs: row.duration_ms,
      statusCode: row.status_code,
      error: row.error,
      delivered: row.delivered,
    }));
  }
}
