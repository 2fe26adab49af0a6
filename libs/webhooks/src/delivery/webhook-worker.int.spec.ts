import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DeadLetters } from '../deliveries/dead-letters';
import { DeliveryLog } from '../deliveries/delivery-log';
import type { WebhookSubscription } from '../subscriptions/webhook-subscription';
import { eventually } from '@switchboard/testing';
import {
  startWebhookTestKit,
  TEST_WEBHOOK_SECRET as SECRET,
  TestReceiver,
  testWebhooksConfig as config,
  type WebhookTestKit,
} from '@switchboard/webhooks/testing';
import type { WebhooksConfig } from '../webhooks.config';
import { WebhookWorker } from './webhook-worker';

describe('webhook worker', () => {
  let kit: WebhookTestKit;
  let receiver: TestReceiver;
  let url: string;
  const workers: WebhookWorker[] = [];

  beforeAll(async () => {
    kit = await startWebhookTestKit();
  });
  beforeEach(async () => {
    receiver = new TestReceiver();
    url = await receiver.start();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    await receiver.stop();
  });
  afterAll(() => kit.close());

  const append = (streamId: string, types: readonly string[]) => kit.append(streamId, types);
  const subscribe = (filter: { eventTypes?: string[]; categories?: string[] } = {}) => kit.subscribe(url, filter);
  const run = (webhook: WebhookSubscription, overrides: Partial<WebhooksConfig> = {}): WebhookWorker => {
    const worker = new WebhookWorker(webhook, kit.store, { pool: kit.pool, config: { ...config, ...overrides } });
    workers.push(worker);
    worker.start();
    return worker;
  };
  const deliveredIds = () => receiver.delivered.map((request) => request.eventId);
  // The receiver sees a request before the worker records it: the delivery log and the checkpoint
  // follow the 2xx, in one transaction. A test that reads either waits for the checkpoint first.
  const checkpointOf = async (webhook: WebhookSubscription) => (await kit.subscriptions.find(webhook.id))?.position?.toString();
  const checkpointReaches = (webhook: WebhookSubscription, position: string, what: string) =>
    eventually(async () => (await checkpointOf(webhook)) === position, what);

  it('delivers the filtered events after its starting point in log order, signed, and resumes from its checkpoint', async () => {
    await append(`task-${randomUUID()}`, ['Before']);
    const webhook = await subscribe({ categories: ['task'], eventTypes: ['Done', 'Started'] });
    const stream = `task-${randomUUID()}`;
    const expected = await append(stream, ['Started', 'Ignored', 'Done']);
    await append(`other-${randomUUID()}`, ['Done']);
    const first = run(webhook);
    await eventually(() => receiver.delivered.length === 2, 'two events arrive');
    // Stopping before the checkpoint passes the second would rightly send it again on resume.
    await checkpointReaches(webhook, receiver.delivered[1].event.position, 'the checkpoint passes the second');
    await first.stop();
    expect(deliveredIds()).toEqual([expected[0], expected[2]]);
    for (const request of receiver.requests) {
      expect(receiver.signatureIsValid(request, SECRET)).toBe(true);
      expect(request.event).toMatchObject({ id: request.eventId, type: request.eventType, streamId: stream, position: expect.stringMatching(/^\d+$/) });
      expect(Math.abs(Number(request.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    }
    expect(await checkpointOf(webhook)).toBe(receiver.delivered[1].event.position);

    const later = await append(stream, ['Done']);
    run((await kit.subscriptions.find(webhook.id)) as WebhookSubscription);
    await eventually(() => receiver.delivered.length === 3, 'the later event arrives');
    // Past the last event the worker has nothing left to send, and a re-sent one would have come before it.
    await checkpointReaches(webhook, receiver.delivered[2].event.position, 'the checkpoint passes the later event');
    expect(deliveredIds()).toEqual([expected[0], expected[2], later[0]]);
  });

  it('moves its checkpoint past the events its filters skip, now and then, and resumes from there', async () => {
    const webhook = await subscribe({ eventTypes: ['Wanted'] });
    const first = run(webhook, { skipCheckpointMs: 50 });
    await append(`task-${randomUUID()}`, ['Unwanted', 'Unwanted', 'Unwanted']);
    const skipped = (await kit.store.headPosition()) as bigint;
    await eventually(async () => BigInt((await checkpointOf(webhook)) ?? -1) >= skipped, 'the checkpoint passes the skipped events');
    await first.stop();
    expect(receiver.requests).toEqual([]);

    const [wanted] = await append(`task-${randomUUID()}`, ['Wanted']);
    run((await kit.subscriptions.find(webhook.id)) as WebhookSubscription, { skipCheckpointMs: 50 });
    await eventually(() => receiver.delivered.length === 1, 'the wanted event arrives');
    const delivered = BigInt(receiver.delivered[0].event.position);
    await eventually(async () => BigInt((await checkpointOf(webhook)) ?? -1) >= delivered, 'the checkpoint passes the wanted event');
    expect(delivered).toBeGreaterThan(skipped);
    expect(deliveredIds()).toEqual([wanted]);
  });

  it('retries with backoff, dead-letters after the last attempt and goes on with the next event', async () => {
    const webhook = await subscribe();
    const [doomed, next] = await append(`task-${randomUUID()}`, ['Doomed', 'Next']);
    receiver.decide = (request) => (request.eventId === doomed ? (receiver.requests.length % 2 === 0 ? 503 : 'reset') : 200);
    run(webhook);
    await eventually(() => deliveredIds().includes(next), 'the next event arrives');
    await checkpointReaches(webhook, receiver.delivered[0].event.position, 'the checkpoint passes the next event');
    expect(receiver.requests.map((request) => request.eventId)).toEqual([doomed, doomed, doomed, next]);
    // Each attempt is signed anew; the body stays byte for byte the same.
    expect(new Set(receiver.requests.slice(0, 3).map((request) => request.body)).size).toBe(1);

    const letters = await new DeadLetters(kit.pool).page(webhook.id, 10);
    expect(letters).toEqual([
      expect.objectContaining({ eventId: doomed, eventType: 'Doomed', attempts: 3, lastStatusCode: 503, body: receiver.requests[0].body }),
    ]);
    const log = await new DeliveryLog(kit.pool).page(webhook.id, 10);
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
    const locker = new Client({ connectionString: kit.db.url });
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
      (await kit.pool.query(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE webhooks.subscriptions SET position%'`))
        .rows as { pid: number }[];
    await eventually(async () => (await blocked()).length === 1, "B's checkpoint waits");
    // The crash: the worker's connection dies inside the transaction that would move past B.
    await kit.pool.query('SELECT pg_terminate_backend($1)', [(await blocked())[0].pid]);
    await locker.query('ROLLBACK');
    await locker.end();
    await eventually(() => worker.ended, 'the worker ends');

    run((await kit.subscriptions.find(webhook.id)) as WebhookSubscription);
    await eventually(() => deliveredIds().includes(ids[3]), 'D arrives');
    // D's checkpoint follows its 2xx: the assertion on it waited on D's arrival alone, and failed under load.
    await checkpointReaches(webhook, receiver.delivered[4].event.position, 'the checkpoint passes D');
    expect(deliveredIds()).toEqual([ids[0], ids[1], ids[1], ids[2], ids[3]]);
  });

  it('counts attempts made before a restart, so a restart does not reset the budget', async () => {
    const webhook = await subscribe();
    const [doomed] = await append(`task-${randomUUID()}`, ['Doomed']);
    receiver.decide = () => 500;
    // Stopped while it waits a long backoff after its first failure.
    const first = run(webhook, { retryBaseMs: 60_000, retryMaxMs: 60_000 });
    await eventually(async () => (await new DeliveryLog(kit.pool).attemptsAt(webhook.id, doomed, 'worker')) === 1, 'one attempt is logged');
    await first.stop();
    run((await kit.subscriptions.find(webhook.id)) as WebhookSubscription);
    await eventually(async () => (await new DeadLetters(kit.pool).count(webhook.id)) === 1, 'the event is dead-lettered');
    expect(receiver.requests.filter((request) => request.eventId === doomed)).toHaveLength(config.maxAttempts);
    expect((await new DeadLetters(kit.pool).find(webhook.id, doomed))?.attempts).toBe(config.maxAttempts);
  });
});
