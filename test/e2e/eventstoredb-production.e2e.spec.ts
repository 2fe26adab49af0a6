import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { grantSwitchboardUser } from '@switchboard/event-store';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { startEventStoreDbCluster, type EventStoreDbCluster } from '../eventstoredb-double/eventstoredb-double';
import { startTestApp } from './test-app';
import { bearer, TEST_JWT_SECRET, tokenFor } from './support/tokens';

/**
 * The API and the projector on EventStoreDB as production runs it: three nodes in secure mode,
 * Switchboard connected as a user without admin rights. The health check answers for that user;
 * a leader change or a commit timeout is one 503 with Retry-After, and the retry (same
 * Idempotency-Key) records the command once.
 */
describe('Switchboard on a secure EventStoreDB cluster, as a user without admin rights', () => {
  let cluster: EventStoreDbCluster & { stop(): Promise<void> };
  let db: TestDatabase;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const as = (role: Parameters<typeof tokenFor>[0], sub: string) => ({ Authorization: bearer(tokenFor(role, sub)) });
  const openDialog = (key: string) =>
    http()
      .post('/dialogs')
      .set(as('service', 'telegram'))
      .set('Idempotency-Key', key)
      .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: key, name: key } });

  beforeAll(async () => {
    const admin = { username: 'admin', password: 'a-changed-admin-password', admin: true };
    const user = { username: 'switchboard', password: 'app-secret' };
    cluster = await startEventStoreDbCluster(3, { secure: { users: [admin] } });
    const first = cluster.nodes[0];
    await grantSwitchboardUser({ adminConnectionString: first.connectionStringFor(admin), httpUrl: first.usersUrl ?? '', user });
    db = await createTestDatabase([]);
    app = await startTestApp({
      DATABASE_URL: db.url,
      EVENT_STORE: 'eventstoredb',
      EVENTSTOREDB_URL: first.connectionStringFor(user),
      JWT_SECRET: TEST_JWT_SECRET,
    });
    await http().post('/lines').set(as('admin', 'admin-1')).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }).expect(201);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
    await cluster.stop();
  });

  it('is healthy for a user without admin rights, and down while the leader is not ready', async () => {
    expect((await http().get('/health').expect(200)).body.checks).toEqual({ eventStore: 'up', readDatabase: 'up' });
    // The projector's reads share the node with the health check and may meet the fault first;
    // a fault met by one of them is gone, so it is set again until the check meets one.
    let checks: unknown;
    for (let attempt = 0; attempt < 50 && checks === undefined; attempt++) {
      cluster.nodes[0].failNext('not-ready');
      const health = await http().get('/health');
      if (health.status === 503) checks = health.body.checks;
      else expect(health.status).toBe(200);
    }
    expect(checks).toEqual({ eventStore: 'down', readDatabase: 'up' });
    await http().get('/health').expect(200);
  });

  it('answers a command that meets a leader change 503 with Retry-After; its retry goes to the new leader and is projected', async () => {
    cluster.elect(1);
    const key = randomUUID();
    const refused = await openDialog(key).expect(503);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    const opened = await openDialog(key).expect(201);

    const list = await http().get('/dialogs').query({ minPosition: opened.body.position }).set(as('supervisor', 'sup-1')).expect(200);
    expect(list.headers['x-read-model-stale']).toBeUndefined();
    expect((list.body.items as { dialogId: string }[]).map((d) => d.dialogId)).toContain(opened.body.dialogId);
  });

  it('answers a command whose commit timed out after it was written 503; its retry records it once', async () => {
    const opened = await openDialog(randomUUID()).expect(201);
    const dialogId = opened.body.dialogId as string;
    const key = randomUUID();
    const send = () =>
      http().post(`/dialogs/${dialogId}/messages`).set(as('service', 'telegram')).set('Idempotency-Key', key).send({ author: 'client', text: 'once' });
    cluster.nodes[1].failNext('timeout-after-write');
    expect((await send().expect(503)).headers['retry-after']).toMatch(/^\d+$/);
    const sent = await send().expect(201);

    const timeline = await http().get(`/dialogs/${dialogId}/messages`).query({ minPosition: sent.body.position }).set(as('supervisor', 'sup-1')).expect(200);
    expect((timeline.body.items as { kind: string; text?: string }[]).filter((item) => item.kind === 'message').map((m) => m.text)).toEqual(['once']);
  });
});
