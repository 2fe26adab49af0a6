import request from 'supertest';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@switchboard/event-store';
import { eventually } from '@switchboard/testing';
import { type ReceivedRequest, TestReceiver } from '@switchboard/webhooks/testing';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

const MAX_ATTEMPTS = 20;

/**
 * The test: the whole app (API and projector) delivering to real receivers on
 * 127.0.0.1, one failing a third of the requests at random, one failing all of them.
 */
describe('webhook delivery end to end', () => {
  let edge: EdgeTestApp;
  const admin = tokenFor('admin', 'admin-1');
  const channel = tokenFor('service', 'telegram');
  const http = () => request(edge.app.getHttpServer());
  const as = (token: string) => ({ Authorization: bearer(token) });
  const receivers: TestReceiver[] = [];

  beforeAll(async () => {
    const env = {
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOK_RETRY_BASE_MS: '5',
      WEBHOOK_RETRY_MAX_MS: '40',
      WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      WEBHOOK_POLL_MS: '100',
      WEBHOOK_TIMEOUT_MS: '2000',
    };
    Object.assign(process.env, env);
    try {
      edge = await startEdgeTestApp();
    } finally {
      for (const name of Object.keys(env)) delete process.env[name];
    }
    await http().post('/lines').set(as(admin)).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }).expect(201);
  });
  afterAll(async () => {
    await edge.stop();
    await Promise.all(receivers.map((receiver) => receiver.stop()));
  });

  const startReceiver = async () => {
    const receiver = new TestReceiver();
    receivers.push(receiver);
    return { receiver, url: await receiver.start() };
  };
  const subscribe = async (body: Record<string, unknown>) =>
    (await http().post('/webhooks').set(as(admin)).send(body).expect(201)).body as { id: string; secret: string; position: string };
  const openDialog = async (clientId: string): Promise<string> =>
    (
      await http()
        .post('/dialogs')
        .set(as(channel))
        .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: clientId, name: clientId } })
        .expect(201)
    ).body.dialogId;
  const say = (dialogId: string, text: string) => http().post(`/dialogs/${dialogId}/messages`).set(as(channel)).send({ author: 'client', text }).expect(201);
  /** The log after `position`, once it shows `count` events: readers see an append when no older transaction runs. */
  const logAfter = async (position: string, eventTypes: string[], count: number): Promise<RecordedEvent[]> => {
    const read = () => edge.app.get<EventStore>(EVENT_STORE).readAll({ after: BigInt(position), filter: { eventTypes } });
    await eventually(async () => (await read()).length >= count, `the log shows ${count} events`);
    return read();
  };
  const checkpointOf = async (id: string): Promise<string | null> => (await http().get(`/webhooks/${id}`).set(as(admin)).expect(200)).body.position;
  const firstSeenOrder = (requests: readonly ReceivedRequest[], streamId: string): string[] => [
    ...new Set(requests.filter((r) => r.event.streamId === streamId).map((r) => r.eventId)),
  ];

  it('delivers every event at least once, in order per stream, signed, through a receiver failing a third of the time', async () => {
    const { receiver, url } = await startReceiver();
    receiver.decide = () => (Math.random() < 1 / 3 ? (Math.random() < 0.5 ? 500 : 'reset') : 200);
    const webhook = await subscribe({ url, categories: ['dialog'] });

    const dialogs = await Promise.all(['c-1', 'c-2', 'c-3', 'c-4', 'c-5'].map(openDialog));
    // Rounds of concurrent messages interleave the streams in the log.
    for (let round = 1; round <= 5; round++) await Promise.all(dialogs.map((dialogId) => say(dialogId, `message ${round}`)));
    const log = await logAfter(webhook.position, ['DialogOpened', 'MessageSent'], 30);
    expect(log).toHaveLength(30);

    await eventually(() => log.every((event) => receiver.delivered.some((r) => r.eventId === event.id)), 'every event is delivered', 30_000);
    // The checkpoint moves with the last delivery's log row, just after the receiver's answer.
    await eventually(async () => (await checkpointOf(webhook.id)) === log[log.length - 1].position.toString(), 'the checkpoint is at the end');
    for (const streamId of new Set(log.map((event) => event.streamId))) {
      const inLog = log.filter((event) => event.streamId === streamId).map((event) => event.id);
      expect({ streamId, order: firstSeenOrder(receiver.requests, streamId) }).toEqual({ streamId, order: inLog });
    }
    expect(receiver.requests.filter((r) => !receiver.signatureIsValid(r, webhook.secret))).toEqual([]);
    expect(receiver.requests.length).toBeGreaterThan(log.length);
    expect(new Set(receiver.requests.map((r) => r.answer))).toEqual(new Set([200, 500, 'reset']));

    const deliveries = await http().get(`/webhooks/${webhook.id}/deliveries`).query({ limit: 200 }).set(as(admin)).expect(200);
    expect(deliveries.body.items.filter((row: { delivered: boolean }) => row.delivered)).toHaveLength(log.length);
    expect(deliveries.body.items).toHaveLength(receiver.requests.length);
    const failed = deliveries.body.items.find((row: { delivered: boolean }) => !row.delivered);
    expect(failed).toMatchObject({ trigger: 'worker', durationMs: expect.any(Number), error: expect.any(String) });
    expect((await http().get(`/webhooks/${webhook.id}`).set(as(admin)).expect(200)).body).toMatchObject({ deadLetters: 0 });
  });

  it('dead-letters what a failing receiver never takes, and redelivery empties the list once it answers', async () => {
    const { receiver, url } = await startReceiver();
    receiver.decide = () => 503;
    const webhook = await subscribe({ url, eventTypes: ['MessageSent'] });
    const dialogId = await openDialog('c-9');
    for (const text of ['one', 'two', 'three']) await say(dialogId, text);
    const sent = await logAfter(webhook.position, ['MessageSent'], 3);

    const deadLetters = async () => (await http().get(`/webhooks/${webhook.id}/dead-letters`).set(as(admin)).expect(200)).body.items;
    await eventually(async () => (await deadLetters()).length === 3, 'three dead letters', 30_000);
    const letters = await deadLetters();
    expect(letters.map((l: { eventId: string }) => l.eventId)).toEqual(sent.map((e) => e.id));
    expect(letters[0]).toMatchObject({ attempts: MAX_ATTEMPTS, lastStatusCode: 503, event: { id: sent[0].id, type: 'MessageSent' } });
    expect(receiver.requests).toHaveLength(3 * MAX_ATTEMPTS);

    const stillFailing = await http().post(`/webhooks/${webhook.id}/dead-letters/${sent[0].id}/redeliver`).set(as(admin)).expect(200);
    expect(stillFailing.body).toMatchObject({ eventId: sent[0].id, delivered: false, statusCode: 503 });
    expect(await deadLetters()).toHaveLength(3);

    receiver.decide = () => 200;
    const one = await http().post(`/webhooks/${webhook.id}/dead-letters/${sent[1].id}/redeliver`).set(as(admin)).expect(200);
    expect(one.body).toMatchObject({ eventId: sent[1].id, delivered: true, statusCode: 200 });
    const all = await http().post(`/webhooks/${webhook.id}/dead-letters/redeliver`).set(as(admin)).expect(200);
    expect(all.body).toEqual({ redelivered: 2, remaining: 0, failure: null });
    expect(await deadLetters()).toEqual([]);
    expect(receiver.delivered.map((r) => r.eventId)).toEqual([sent[1].id, sent[0].id, sent[2].id]);
    expect(receiver.requests.filter((r) => !receiver.signatureIsValid(r, webhook.secret))).toEqual([]);

    // The worker went on past the dead letters: what comes now is delivered live.
    await say(dialogId, 'four');
    const four = (await logAfter(webhook.position, ['MessageSent'], 4))[3];
    await eventually(async () => (await checkpointOf(webhook.id)) === four.position.toString(), 'the next message is delivered');
    expect(receiver.delivered.map((r) => r.eventId)).toEqual([sent[1].id, sent[0].id, sent[2].id, four.id]);
    const redeliveries = (await http().get(`/webhooks/${webhook.id}/deliveries`).set(as(admin)).expect(200)).body.items.filter(
      (row: { trigger: string }) => row.trigger === 'redelivery',
    );
    expect(redeliveries).toHaveLength(4);

    // Page by page, the log holds every attempt once: 3 × 20 by the worker, 4 redeliveries, the live one.
    const ids: string[] = [];
    for (let cursor: string | undefined; ;) {
      const page = await http()
        .get(`/webhooks/${webhook.id}/deliveries`)
        .query({ limit: 20, ...(cursor ? { cursor } : {}) })
        .set(as(admin))
        .expect(200);
      ids.push(...page.body.items.map((row: { id: string }) => row.id));
      if (page.body.nextCursor === null) break;
      cursor = page.body.nextCursor;
    }
    expect(ids).toHaveLength(3 * MAX_ATTEMPTS + 5);
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => b - a));
  });
});
