import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { eventStoreMigrations, PostgresEventStore } from '@switchboard/event-store';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { webhookMigrations } from '../migrations';
import { SubscriptionStore } from '../subscriptions/subscription-store';
import type { WebhookSubscription } from '../subscriptions/webhook-subscription';
import type { WebhooksConfig } from '../webhooks.config';

/** Fast retries for tests; loopback receivers allowed. */
export const testWebhooksConfig: WebhooksConfig = {
  timeoutMs: 2_000,
  maxAttempts: 3,
  retryBaseMs: 5,
  retryMaxMs: 20,
  pollMs: 50,
  // Tests that look for a checkpoint at an event see it there; the one about skipping sets less.
  skipCheckpointMs: 60_000,
  allowPrivateUrls: true,
};

export const TEST_WEBHOOK_SECRET = 'whsec_test-kit-secret';

export interface WebhookTestKit {
  db: TestDatabase;
  store: PostgresEventStore;
  pool: Pool;
  subscriptions: SubscriptionStore;
  /** A subscription to `url` starting at the head of the log now. */
  subscribe(url: string, filter?: { eventTypes?: string[]; categories?: string[] }): Promise<WebhookSubscription>;
  /** Appends events of these types to the stream; answers their ids. */
  append(streamId: string, types: readonly string[]): Promise<string[]>;
  close(): Promise<void>;
}

/** A fresh database with the log and the webhook tables, and the stores on it. */
export async function startWebhookTestKit(): Promise<WebhookTestKit> {
  const db = await createTestDatabase([...eventStoreMigrations, ...webhookMigrations]);
  const store = new PostgresEventStore({ connectionString: db.url });
  const pool = new Pool({ connectionString: db.url });
  pool.on('error', () => undefined);
  const subscriptions = new SubscriptionStore(pool);
  return {
    db,
    store,
    pool,
    subscriptions,
    subscribe: async (url, filter = {}) =>
      subscriptions.create({
        id: randomUUID(),
        url,
        secret: TEST_WEBHOOK_SECRET,
        description: null,
        eventTypes: filter.eventTypes ?? [],
        categories: filter.categories ?? [],
        position: await store.headPosition(),
        createdBy: 'admin-1',
      }),
    append: async (streamId, types) => {
      const events = types.map((type) => ({ id: randomUUID(), type, data: { n: Math.random() } }));
      await store.appendToStream(streamId, events, { expectedRevision: 'any' });
      return events.map((event) => event.id);
    },
    close: async () => {
      await pool.end();
      await store.close();
      await db.drop();
    },
  };
}
