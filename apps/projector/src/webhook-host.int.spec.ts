import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { eventStoreMigrations, PostgresEventStore } from '@switchboard/event-store';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { SubscriptionStore, webhookMigrations, type WebhooksConfig } from '@switchboard/webhooks';
import { eventually, TestReceiver } from '../../../libs/webhooks/src/testing/test-receiver';
import { WebhookHost } from './webhook-host';

const config: WebhooksConfig = { timeoutMs: 2_000, maxAttempts: 3, retryBaseMs: 5, retryMaxMs: 20, pollMs: 50, allowPrivateUrls: true };

/** Two projector processes, as far as webhooks go: one delivers, the other stands by. */
describe('webhook host', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let subscriptions: SubscriptionStore;
  let receiver: TestReceiver;
  let url: string;
  const hosts: WebhookHost[] = [];

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...webhookMigrations]);
    store = new PostgresEventStore({ connectionString: db.url });
    pool = new Pool({ connectionString: db.url });
    subscriptions = new SubscriptionStore(pool);
    receiver = new TestReceiver();
    url = await receiver.start();
  });
  afterAll(async () => {
    await Promise.all(hosts.map(stop));
    await receiver.stop();
    await pool.end();
    await store.close();
    await db.drop();
  });

  const start = (): WebhookHost => {
    const host = new WebhookHost(store, { url: db.url, embedded: false, stop: async () => undefined }, config);
    hosts.push(host);
    host.onApplicationBootstrap();
    return host;
  };
  const stop = async (host: WebhookHost) => {
    await host.onModuleDestroy();
    await host.beforeApplicationShutdown();
    hosts.splice(hosts.indexOf(host), 1);
  };
  const append = async (count: number): Promise<string[]> => {
    const events = Array.from({ length: count }, () => ({ id: randomUUID(), type: 'Ticked', data: {} }));
    await store.appendToStream(`clock-${randomUUID()}`, events, { expectedRevision: 'any' });
    return events.map((event) => event.id);
  };
  const deliveredIds = () => receiver.delivered.map((request) => request.eventId);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('delivers each event once with two hosts, hands over when the first stops, and follows pause, resume and delete', async () => {
    const { id } = await subscriptions.create({
      id: randomUUID(),
      url,
      secret: 'whsec_host-test-secret',
      description: null,
      eventTypes: [],
      categories: [],
      position: await store.headPosition(),
      createdBy: 'admin-1',
    });
    const [first, second] = [start(), start()];
    const sent = await append(20);
    await eventually(() => receiver.delivered.length === 20, 'twenty events arrive');
    expect([first.running, second.running].filter((running) => running.length > 0)).toEqual([[id]]);
    const [active, standby] = first.running.length > 0 ? [first, second] : [second, first];

    await stop(active);
    sent.push(...(await append(10)));
    await eventually(() => receiver.delivered.length === 30, 'the standby delivers the next ten');
    expect(standby.running).toEqual([id]);
    await settle();
    expect(deliveredIds()).toEqual(sent);

    await subscriptions.setStatus(id, 'paused');
    await eventually(() => standby.running.length === 0, 'the paused worker stops');
    const whilePaused = await append(2);
    await settle();
    expect(receiver.delivered).toHaveLength(30);
    await subscriptions.setStatus(id, 'active');
    await eventually(() => receiver.delivered.length === 32, 'resumed from its checkpoint');
    expect(deliveredIds().slice(30)).toEqual(whilePaused);

    await subscriptions.delete(id);
    await eventually(() => standby.running.length === 0, 'the deleted worker stops');
    await append(1);
    await settle();
    expect(receiver.delivered).toHaveLength(32);
  });
});
