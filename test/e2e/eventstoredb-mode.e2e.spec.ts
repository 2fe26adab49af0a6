import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { startTestApp } from './test-app';
import { bearer, TEST_JWT_SECRET, tokenFor } from './support/tokens';

/** The API and the projector with EVENT_STORE=eventstoredb, over gRPC to the protocol double. */
describe('Switchboard on EventStoreDB', () => {
  let double: { connectionString: string; stop(): Promise<void> };
  let db: TestDatabase;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const as = (role: Parameters<typeof tokenFor>[0], sub: string) => ({ Authorization: bearer(tokenFor(role, sub)) });

  beforeAll(async () => {
    double = await startEventStoreDbDouble();
    db = await createTestDatabase([]);
    app = await startTestApp({
      DATABASE_URL: db.url,
      EVENT_STORE: 'eventstoredb',
      EVENTSTOREDB_URL: double.connectionString,
      JWT_SECRET: TEST_JWT_SECRET,
    });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
    await double.stop();
  });

  it('opens, assigns, answers and closes a dialog, and lists it', async () => {
    await http().get('/health').expect(200);
    await http().post('/lines').set(as('admin', 'admin-1')).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }).expect(201);
    await http().post('/operators').set(as('admin', 'admin-1')).send({ operatorId: 'op-1', name: 'Ann' }).expect(201);
    const opened = await http()
      .post('/dialogs')
      .set(as('service', 'telegram'))
      .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' } })
      .expect(201);
    const id = opened.body.dialogId as string;
    await http().post(`/dialogs/${id}/messages`).set(as('service', 'telegram')).send({ author: 'client', text: 'Where is my order?' }).expect(201);
    await http().put(`/dialogs/${id}/assignee`).set(as('supervisor', 'sup-1')).send({ operatorId: 'op-1' }).expect(200);
    await http().post(`/dialogs/${id}/messages`).set(as('operator', 'op-1')).send({ author: 'operator', text: 'On its way' }).expect(201);
    const closed = await http().post(`/dialogs/${id}/close`).set(as('operator', 'op-1')).send({}).expect(200);

    const list = await http().get('/dialogs').query({ minPosition: closed.body.position }).set(as('supervisor', 'sup-1')).expect(200);
    expect(list.headers['x-read-model-stale']).toBeUndefined();
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ dialogId: id, assigneeId: 'op-1', generalStatus: 'closed', clientName: 'Kim' });
    const history = await http().get(`/dialogs/${id}/messages`).set(as('supervisor', 'sup-1')).expect(200);
    const messages = history.body.items.filter((m: { kind: string }) => m.kind === 'message');
    expect(messages.map((m: { text: string }) => m.text)).toEqual(['Where is my order?', 'On its way']);
  });
});
