import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { startTestApp } from './test-app';
import { SseClient } from './support/sse-client';
import { bearer, TEST_JWT_SECRET, tokenFor } from './support/tokens';

type EventJson = { type: string; position: string };

/** GET /events reads through the event-store port, so it answers alike on EventStoreDB (the protocol double). */
describe('GET /events on EventStoreDB', () => {
  let double: { connectionString: string; stop(): Promise<void> };
  let db: TestDatabase;
  let app: INestApplication;
  const recorded: string[] = [];
  let dialogId = '';
  const http = () => request(app.getHttpServer());
  const as = (role: Parameters<typeof tokenFor>[0], sub: string) => ({ Authorization: bearer(tokenFor(role, sub)) });
  const send = async (test: request.Test) => {
    const response = await test;
    expect(response.status).toBeLessThan(300);
    recorded.push(...(response.body.eventTypes as string[]));
    return response;
  };
  const message = (text: string) => send(http().post(`/dialogs/${dialogId}/messages`).set(as('service', 'telegram')).send({ author: 'client', text }));

  beforeAll(async () => {
    double = await startEventStoreDbDouble();
    db = await createTestDatabase([]);
    app = await startTestApp({ DATABASE_URL: db.url, EVENT_STORE: 'eventstoredb', EVENTSTOREDB_URL: double.connectionString, JWT_SECRET: TEST_JWT_SECRET });
    await send(http().post('/lines').set(as('admin', 'admin-1')).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }));
    const opened = await send(
      http()
        .post('/dialogs')
        .set(as('service', 'telegram'))
        .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' } }),
    );
    dialogId = opened.body.dialogId as string;
    for (const text of ['one', 'two', 'three']) await message(text);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
    await double.stop();
  });

  it('walks the log in pages, and streams it live from Last-Event-ID with a filter', async () => {
    const walked: EventJson[] = [];
    let from: string | null = null;
    for (;;) {
      const page = await http()
        .get('/events')
        .query({ limit: '2', ...(from === null ? {} : { from }) })
        .set(as('auditor', 'aud-1'))
        .expect(200);
      if (page.body.events.length === 0) break;
      walked.push(...(page.body.events as EventJson[]));
      from = page.body.nextPosition as string;
    }
    expect(walked.map((e) => e.type)).toEqual(recorded);

    const messages = walked.filter((e) => e.type === 'MessageSent');
    const client = await SseClient.connect(app, '/events?types=MessageSent&from=0', {
      Authorization: bearer(tokenFor('service', 'crm')),
      'Last-Event-ID': messages[0].position,
    });
    await client.until(() => client.events.length === 2);
    expect(client.events.map((e) => e.id)).toEqual(messages.slice(1).map((e) => e.position));
    await message('four');
    await client.until(() => client.events.length === 3);
    expect(JSON.parse(client.events[2].data)).toMatchObject({ type: 'MessageSent', data: { text: 'four' } });
    client.close();
  });
});
