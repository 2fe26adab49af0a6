import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { eventStoreMigrations, PostgresEventStore } from '@switchboard/event-store';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { DeadLetters } from '../deliveries/dead-letters';
import { DeliveryLog } from '../deliveries/delivery-log';
import { webhookMigrations } from '../migrations';
import { SubscriptionStore } from '../subscriptions/subscription-store';
import type { WebhookSubscription } from '../subscriptions/webhook-subscription';
import { eventually, TestReceiver } from '../testing/test-receiver';
import type { WebhooksConfig } from '../webhooks.config';
import { WebhookWorker } from './webhook-worker';

const config: WebhooksConfig = { timeoutMs: 2_000, maxAttempts: 3, retryBaseMs: 5, retryMaxMs: 20, pollMs: 50, allowPrivateUrls: true };
const SECRET = 'whsec_worker-test-secret';

describe('webhook worker', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let subscriptions: SubscriptionStore;
  let receiver: TestReceiver;
  let url: string;
  const workers: WebhookWorker[] = [];

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...webhookMigrations]);
    store = new PostgresEventStore({ connectionString: db.url });
    pool = new Pool({ connectionString: db.url });
    pool.on('error', () => undefined);
    subscriptions = new SubscriptionStore(pool);
  });
  beforeEach(async () => {
    receiver = new TestReceiver();
    url = await receiver.start();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    await receiver.stop();
  });
  afterAll(async () => {
    await pool.end();
    await store.close();
    await db.drop();
  });

  const append = async (streamId: string, types: readonly string[]): Promise<string[]> => {
    const events = types.map((type) => ({ id: randomUUID(), type, data: { n: Math.random() } }));
    await store.appendToStream(streamId, events, { expectedRevision: 'any' });
    return events.map((event) => event.id);
  };
  const subscribe = async (filter: { eventTypes?: string[]; categories?: string[] } = {}): Promise<WebhookSubscription> =>
    subscriptions.create({
      id: randomUUID(),
      url,
      secret: SECRET,
      description: null,
      eventTypes: filter.eventTypes ?? [],
      categories: filter.categories ?? [],
      position: await store.headPosition(),
      createdBy: 'admin-1',
    });
  const run = (webhook: WebhookSubscription, overrides: Partial<WebhooksConfig> = {}): WebhookWorker => {
    const worker = new WebhookWorker(webhook, store, { pool, config: { ...config, ...overrides } });
    workers.push(worker);
    worker.start();
    return worker;
  };
  const deliveredIds = () => receiver.delivered.map((request) => request.eventId);

  it('delivers the filtered events after its starting point in log order, signed, and resumes from its checkpoint', async () => {
    await append(`task-${randomUUID()}`, ['Before']);
    const webhook = await subscribe({ categories: ['task'], eventTypes: ['Done', 'Started'] });
    const stream = `task-${randomUUID()}`;
    const expected = await append(stream, ['Started', 'Ignored', 'Done']);
    await append(`other-${randomUUID()}`, ['Done']);
    const first = run(webhook);
    await eventually(() => receiver.delivered.length === 2, 'two events arrive');
    await first.stop();
    expect(deliveredIds()).toEqual([expected[0], expected[2]]);
    for (const request of receiver.requests) {
      expect(receiver.signatureIsValid(request, SECRET)).toBe(true);
      expect(request.event).toMatchObject({ id: request.eventId, type: request.eventType, streamId: stream, position: expect.stringMatching(/^\d+$/) });
      expect(Math.abs(Number(request.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    }
    const checkpoint = (await subscriptions.find(webhook.id))?.position;
    expect(checkpoint?.toString()).toBe(receiver.delivered[1].event.position);

    const later = await append(stream, ['Done']);
    run((await subscriptions.find(webhook.id)) as WebhookSubscription);
    await eventually(() => receiver.delivered.length === 3, 'the later event arrives');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(deliveredIds()).toEqual([expected[0], expected[2], later[0]]);
  });

  it('retries with backoff, dead-letters after the last attempt and goes on with the next event', async () => {
    const webhook = await subscribe();
    const [doomed, next] = await append(`task-${randomUUID()}`, ['Doomed', 'Next']);
    receiver.decide = (request) => (request.eventId === doomed ? (receiver.requests.length % 2 === 0 ? 503 : 'reset') : 200);
    run(webhook);
    await eventually(() => deliveredIds().includes(next), 'the next event arrives');
    expect(receiver.requests.map((request) => request.eventId)).toEqual([doomed, doomed, doomed, next]);
    // Each attempt is signed anew; the body stays byte for byte the same.
    expect(new Set(receiver.requests.slice(0, 3).map((request) => request.body)).size).toBe(1);

    const letters = await new DeadLetters(pool).page(webhook.id, 10);
    expect(letters).toEqual([
      expect.objectContaining({ eventId: doomed, eventType: 'Doomed', attempts: 3, lastStatusCode: 503, body: receiver.requests[0].body }),
    ]);
    const log = await new DeliveryLog(pool).page(webhook.id, 10);
    expect(log.map((row) => [row.eventId, row.attempt, row.statusCode, row.delivered])).toEqual([
      [next, 1, 200, true],
      [doomed, 3, 503, false],
      [doomed, 2, null, false],
      [doomed, 1, 503, false],
    ]);
    expect(log[2].error).toMatch(/ECONNRESET|socket hang up/);
  });

  it('re-delivers only the in-flight event after a crash between the 2xx and its checkpoint', async () => {
    const webhook = await subscribe();
    const ids = await append(`task-${randomUUID()}`, ['A', 'B', 'C', 'D']);
    const locker = new Client({ connectionString: db.url });
    locker.on('error', () => undefined);
    await locker.connect();
    // While the receiver answers B, hold the subscription's row: B's checkpoint then waits on it.
    receiver.decide = async (request) => {
      if (request.eventId === ids[1] && receiver.requests.filter((r) => r.eventId === ids[1]).length === 0) {
        await locker.query('BEGIN');
        await locker.query('SELECT 1 FROM webhooks.subscriptions WHERE id = $1 FOR NO KEY UPDATE', [webhook.id]);
      }
      return 200;
    };
    const worker = run(webhook);
    const blocked = async () =>
      (
        await pool.query(
          `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE webhooks.subscriptions SET position%'`,
        )
      ).rows as { pid: number }[];
    await eventually(async () => (await blocked()).length === 1, "B's checkpoint waits");
    // The crash: the worker's connection dies inside the transaction that would move past B.
    await pool.query('SELECT pg_terminate_backend($1)', [(await blocked())[0].pid]);
    await locker.query('ROLLBACK');
    await locker.end();
    await eventually(() => worker.ended, 'the worker ends');

    run((await subscriptions.find(webhook.id)) as WebhookSubscription);
    await eventually(() => deliveredIds().includes(ids[3]), 'D arrives');
    expect(deliveredIds()).toEqual([ids[0], ids[1], ids[1], ids[2], ids[3]]);
    expect((await subscriptions.find(webhook.id))?.position?.toString()).toBe(receiver.delivered[4].event.position);
  });

  it('counts attempts made before a restart, so a restart does not reset the budget', async () => {
    const webhook = await subscribe();
    const [doomed] = await append(`task-${randomUUID()}`, ['Doomed']);
    receiver.decide = () => 500;
    // Stopped while it waits a long backoff after its first failure.
    const first = run(webhook, { retryBaseMs: 60_000, retryMaxMs: 60_000 });
    await eventually(async () => (await new DeliveryLog(pool).attemptsAt(webhook.id, doomed, 'worker')) === 1, 'one attempt is logged');
    await first.stop();
    run((await subscriptions.find(webhook.id)) as WebhookSubscription);
    await eventually(async () => (await new DeadLetters(pool).count(webhook.id)) === 1, 'the event is dead-lettered');
    expect(receiver.requests.filter((request) => request.eventId === doomed)).toHaveLength(config.maxAttempts);
    expect((await new DeadLetters(pool).find(webhook.id, doomed))?.attempts).toBe(config.maxAttempts);
  });
});
