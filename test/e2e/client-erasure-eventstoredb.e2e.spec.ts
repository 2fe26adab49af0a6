import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EventStoreDbEventStore } from '@switchboard/event-store';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { dumpDatabase } from './support/database-dump';
import { startTestApp } from './test-app';
import { authAs as as, TEST_JWT_SECRET } from './support/tokens';

const ERASED = '[erased]';
const secrets = ['Yuri Esdbovich', 'yz-esdb-secret-message', 'yz-esdb-note'];

/** The same erasure with EVENT_STORE=eventstoredb (the protocol double): the log holds sealed text, the keys stay in PostgreSQL. */
describe('erasing a client’s personal data on EventStoreDB', () => {
  let double: { connectionString: string; stop(): Promise<void> };
  let db: TestDatabase;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const admin = as('admin', 'admin-1');
  const supervisor = as('supervisor', 'sup-1');
  const channel = as('service', 'telegram');
  let dialogId = '';
  let position = '0';

  beforeAll(async () => {
    double = await startEventStoreDbDouble();
    db = await createTestDatabase([]);
    app = await startTestApp({ DATABASE_URL: db.url, EVENT_STORE: 'eventstoredb', EVENTSTOREDB_URL: double.connectionString, JWT_SECRET: TEST_JWT_SECRET });
    await http().post('/lines').set(admin).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }).expect(201);
    const opened = await http()
      .post('/dialogs')
      .set(channel)
      .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-esdb', name: secrets[0] } })
      .expect(201);
    dialogId = opened.body.dialogId as string;
    await http().post(`/dialogs/${dialogId}/messages`).set(channel).send({ author: 'client', text: secrets[1] }).expect(201);
    position = (await http().post(`/dialogs/${dialogId}/notes`).set(supervisor).send({ text: secrets[2] }).expect(201)).body.position as string;
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
    await double.stop();
  });

  const stored = async () => {
    const raw = new EventStoreDbEventStore(double.connectionString);
    try {
      return JSON.stringify((await raw.readStream(`dialog-${dialogId}`)).map((event) => [event.data, event.metadata]));
    } finally {
      await raw.close();
    }
  };

  it('stores sealed text in EventStoreDB and shows it opened before the erasure', async () => {
    const log = await stored();
    expect(log).toContain('[sealed]');
    for (const words of secrets) expect(log).not.toContain(words);
    const dialog = await http().get(`/dialogs/${dialogId}`).query({ minPosition: position }).set(supervisor).expect(200);
    expect(dialog.body.clientName).toBe(secrets[0]);
  });

  it('erases: every reader shows the marker, the stored bytes still verify, and no key or word is left in PostgreSQL', async () => {
    const erased = await http().post('/clients/c-esdb/erase').set(admin).send({ reason: 'Asked to be forgotten' }).expect(200);
    expect(erased.body).toMatchObject({ eventTypes: ['ClientDataErased'], dialogIds: [dialogId], alreadyErased: false });
    const read = (path: string, query: Record<string, string> = {}) =>
      http()
        .get(path)
        .query({ minPosition: erased.body.position as string, ...query })
        .set(supervisor)
        .expect(200);
    expect((await read(`/dialogs/${dialogId}`)).body).toMatchObject({ clientId: 'c-esdb', clientName: ERASED });
    const items = (await read(`/dialogs/${dialogId}/messages`)).body.items as { kind: string; text: string }[];
    expect(items.filter((item) => item.kind !== 'system').map((item) => item.text)).toEqual([ERASED, ERASED]);
    const audit = (await read(`/dialogs/${dialogId}/events`, { verify: 'true' })).body as { chain: { intact: boolean } };
    expect(audit.chain.intact).toBe(true);
    const shown = JSON.stringify([audit, (await http().get('/events').query({ category: 'dialog' }).set(admin).expect(200)).body]);
    for (const words of secrets) expect(shown).not.toContain(words);
    expect(shown).toContain(ERASED);

    const tables = await dumpDatabase(db.url);
    expect(tables['privacy.subject_keys']).not.toContain('c-esdb');
    const dump = Object.values(tables).join('\n');
    for (const words of secrets) expect(dump).not.toContain(words);
  });
});
