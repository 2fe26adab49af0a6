import type { Position } from '@switchboard/event-store';
import type { Sql } from '../sql';
import type { NewSubscription, SubscriptionStatus, WebhookSubscription } from './webhook-subscription';

interface SubscriptionRow {
  id: string;
  url: string;
  secret: string;
  description: string | null;
  event_types: string[];
  categories: string[];
  status: SubscriptionStatus;
  position: string | null;
  created_by: string;
  created_at: Date;
}

const toSubscription = (row: SubscriptionRow): WebhookSubscription => ({
  id: row.id,
  url: row.url,
  secret: row.secret,
  description: row.description,
  eventTypes: row.event_types,
  categories: row.categories,
  status: row.status,
  position: row.position === null ? undefined : BigInt(row.position),
  createdBy: row.created_by,
  createdAt: row.created_at,
});

const COLUMNS = `id, url, secret, description, event_types, categories, status, position, created_by, created_at`;

/** The subscriptions table: what the API manages and the worker follows. */
export class SubscriptionStore {
  constructor(private readonly sql: Sql) {}

  async create(subscription: NewSubscription): Promise<WebhookSubscription> {
    const { rows } = await this.sql.query<SubscriptionRow>(
      `INSERT INTO webhooks.subscriptions (id, url, secret, description, event_types, categories, position, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        subscription.id,
        subscription.url,
        subscription.secret,
        subscription.description,
        subscription.eventTypes,
        subscription.categories,
        subscription.position?.toString() ?? null,
        subscription.createdBy,
      ],
    );
    return toSubscription(rows[0]);
  }

  async find(id: string): Promise<WebhookSubscription | undefined> {
    const { rows } = await this.sql.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM webhooks.subscriptions WHERE id = $1`, [id]);
    return rows[0] && toSubscription(rows[0]);
  }

  async all(): Promise<WebhookSubscription[]> {
    const { rows } = await this.sql.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM webhooks.subscriptions ORDER BY created_at, id`);
    return rows.map(toSubscription);
  }

  async active(): Promise<WebhookSubscription[]> {
    const { rows } = await this.sql.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM webhooks.subscriptions WHERE status = 'active'`);
    return rows.map(toSubscription);
  }

  /** False if there is no such subscription. */
  async setStatus(id: string, status: SubscriptionStatus): Promise<boolean> {
    const result = await this.sql.query(`UPDATE webhooks.subscriptions SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
    return result.rowCount === 1;
  }

  /** Deletes the subscription with its delivery log and dead letters; false if there was none. */
  async delete(id: string): Promise<boolean> {
    const result = await this.sql.query(`DELETE FROM webhooks.subscriptions WHERE id = $1`, [id]);
    return result.rowCount === 1;
  }

  /**
   * Moves the checkpoint, only from where the worker believes it is: a second worker of the same
   * subscription (two projectors despite the lock) or a deleted subscription fails here.
   */
  async advance(tx: Sql, id: string, from: Position | undefined, to: Position): Promise<void> {
    const result = await tx.query(`UPDATE webhooks.subscriptions SET position = $2, updated_at = now() WHERE id = $1 AND position IS NOT DISTINCT FROM $3`, [
      id,
      to.toString(),
      from === undefined ? null : from.toString(),
    ]);
    if (result.rowCount !== 1) throw new CheckpointMovedError(id);
  }
}

export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';

  constructor(id: string) {
    super(`the checkpoint of webhook ${id} moved under this worker, or the webhook was deleted`);
  }
}
