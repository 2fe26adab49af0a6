import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { PostgresEventStore } from '@switchboard/event-store';
import { createTestDatabase, eventually, type TestDatabase } from '@switchboard/testing';
import { auditChains, isIntact } from '@switchboard/projector/cli/audit-chains';
import { TestReceiver } from '@switchboard/webhooks/testing';
import { dumpDatabase } from './support/database-dump';
import { createSupportTeam, freshReads } from './support/fresh-reads';
import { expectFieldError, expectProblem } from './support/problem';
import { SseClient } from './support/sse-client';
import { startTestApp } from './test-app';
import { authAs as as, TEST_JWT_SECRET } from './support/tokens';

const ERASED = '[erased]';
// Every personal text the doomed client's dialog holds, each findable on its own in a dump.
const secrets = {
  name: 'Zelda Quuxworth',
  pageUrl: 'https://shop.example/zq-cart-771',
  message: 'zq-my-passport-number-is-X123',
  reply: 'zq-operator-reply-about-parcel',
  attachmentName: 'zq-passport-scan.pdf',
  attachmentUrl: 'https://files.example/zq-passport-scan.pdf',
  note: 'zq-note-client-is-angry',
  crmUrl: 'https://crm.example/contacts/zq-771',
  rating: 'zq-rating-comment-slow',
  review: 'zq-review-comment-polite',
  reminder: 'zq-reminder-call-back',
};

const personalTypes = ['DialogOpened', 'MessageSent', 'NoteAdded', 'CrmLinkSet', 'ClientRatedDialog', 'DialogReviewed', 'ReminderSet'];

/** POST /clients/{clientId}/erase over HTTP: who may, the answers, what every reader shows afterwards, and a dump of the whole database. */
describe('erasing a client’s personal data, end to end', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const receiver = new TestReceiver();
  const admin = as('admin', 'admin-1');
  const supervisor = as('supervisor', 'sup-1');
  const auditor = as('auditor', 'aud-1');
  const channel = as('service', 'telegram');
  const bob = as('operator', 'op-bob');
  const http = () => request(app.getHttpServer());
  let doomed = '';
  let kept = '';
  let before: Record<string, unknown> = {};

  const { remember, read } = freshReads(() => http());
  const erase = (clientId: string, body: object = { reason: 'Asked to be forgotten, ticket 4711' }, auth = admin) =>
    http().post(`/clients/${clientId}/erase`).set(auth).send(body);
  const open = async (clientId: string, name: string, words: typeof secrets | null): Promise<string> => {
    const body = {
      direction: 'inbound',
      channel: 'telegram',
      lineId: 'support',
      client: { id: clientId, name },
      pageUrl: words?.pageUrl ?? 'https://shop.example/kept',
    };
    const id = remember(await http().post('/dialogs').set(channel).send(body).expect(201)).body.dialogId as string;
    const attachments = words === null ? [] : [{ name: words.attachmentName, contentType: 'application/pdf', sizeBytes: 10, url: words.attachmentUrl }];
    remember(
      await http()
        .post(`/dialogs/${id}/messages`)
        .set(channel)
        .set('Idempotency-Key', `first-${clientId}`)
        .send({ author: 'client', text: words?.message ?? 'kept-client-words', attachments })
        .expect(201),
    );
    remember(await http().put(`/dialogs/${id}/assignee`).set(supervisor).send({ operatorId: 'op-bob' }).expect(200));
    remember(
      await http()
        .post(`/dialogs/${id}/messages`)
        .set(bob)
        .send({ author: 'operator', text: words?.reply ?? 'kept-reply' })
        .expect(201),
    );
    if (words === null) return id;
    remember(await http().post(`/dialogs/${id}/notes`).set(bob).send({ text: words.note }).expect(201));
    remember(await http().put(`/dialogs/${id}/crm-link`).set(bob).send({ kind: 'contact', id: 'crm-771', url: words.crmUrl }).expect(200));
    remember(await http().post(`/dialogs/${id}/reminders`).set(bob).send({ dueAt: '2999-01-01T00:00:00Z', note: words.reminder }).expect(201));
    remember(await http().post(`/dialogs/${id}/close`).set(supervisor).send({ awaitingRating: true }).expect(200));
    remember(await http().put(`/dialogs/${id}/rating`).set(channel).send({ rating: 2, comment: words.rating }).expect(200));
    remember(await http().put(`/dialogs/${id}/review`).set(supervisor).send({ score: 4, comment: words.review }).expect(200));
    return id;
  };

  beforeAll(async () => {
    db = await createTestDatabase([]);
    app = await startTestApp({
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_URL: db.url,
      RATE_LIMIT_PER_SECOND: '0',
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOK_RETRY_BASE_MS: '5',
      WEBHOOK_RETRY_MAX_MS: '10',
      WEBHOOK_MAX_ATTEMPTS: '2',
      WEBHOOK_POLL_MS: '100',
    });
    receiver.decide = () => 500;
    const url = await receiver.start();
    await createSupportTeam(http, admin);
    const webhook = (await http().post('/webhooks').set(admin).send({ url, eventTypes: personalTypes }).expect(201)).body as { id: string };
    doomed = await open('c-doomed', secrets.name, secrets);
    kept = await open('c-kept', 'Kept Person', null);
    // Every event of both dialogs given up on, bodies kept: the dead letters hold the words.
    await eventually(
      async () => {
        const letters = (await http().get(`/webhooks/${webhook.id}/dead-letters`).query({ limit: '100' }).set(admin).expect(200)).body.items as {
          eventType: string;
        }[];
        const types = new Set(letters.map((letter) => letter.eventType));
        return letters.length === 11 && personalTypes.every((type) => types.has(type));
      },
      'every event with personal fields dead-lettered',
      45_000,
    );
    before = (await read(`/dialogs/${doomed}`, supervisor).expect(200)).body;
  }, 90_000);
  afterAll(async () => {
    await app.close();
    await receiver.stop();
    await db.drop();
  });

  it('keeps the words out of the log from the start, and shows them before the erasure', async () => {
    const log = (await dumpDatabase(db.url))['event_store.events'];
    expect(log).toContain('[sealed]');
    for (const words of Object.values(secrets)) expect(log).not.toContain(words);
    expect(before).toMatchObject({ clientName: secrets.name, pageUrl: secrets.pageUrl, clientComment: secrets.rating, reviewComment: secrets.review });
    expect((await read('/dialogs', supervisor, { q: 'Zelda' }).expect(200)).body.items).toHaveLength(1);
  });

  it('is for admins alone, names a bad reason, and answers 404 for a client nobody knows', async () => {
    for (const auth of [supervisor, auditor, channel, bob]) expectProblem(await erase('c-doomed', undefined, auth), 403, 'role_not_allowed');
    expectProblem(await http().post('/clients/c-doomed/erase').send({ reason: 'x' }), 401);
    expectFieldError(await erase('c-doomed', {}), 'reason');
    expectFieldError(await erase('c-doomed', { reason: '   ' }), 'reason');
    expectFieldError(await erase('c-doomed', { reason: 'fine', purge: true }), 'purge');
    expectProblem(await erase('c-nobody'), 404, 'client_not_found');
  });

  it('destroys the key and records ClientDataErased with who, why and the dialogs; a repeat says it was done', async () => {
    const first = remember(await erase('c-doomed').expect(200));
    expect(first.body).toMatchObject({ streamId: 'client-c-doomed', eventTypes: ['ClientDataErased'], alreadyErased: false, dialogIds: [doomed] });
    const again = await erase('c-doomed').expect(200);
    expect(again.body).toMatchObject({ streamId: 'client-c-doomed', eventTypes: [], alreadyErased: true, dialogIds: [doomed] });
    const log = (await http().get('/events').query({ category: 'client' }).set(auditor).expect(200)).body.events as {
      type: string;
      data: object;
      metadata: object;
    }[];
    expect(log).toEqual([
      expect.objectContaining({
        type: 'ClientDataErased',
        data: expect.objectContaining({ clientId: 'c-doomed', erasedBy: 'admin-1', reason: 'Asked to be forgotten, ticket 4711', dialogIds: [doomed] }),
      }),
    ]);
  });

  it('shows the list, the dialog, its timeline and the reminders erased, keeps timings and statuses, and searches find nothing', async () => {
    const after = (await read(`/dialogs/${doomed}`, supervisor).expect(200)).body as Record<string, unknown>;
    expect(after).toMatchObject({
      clientId: 'c-doomed',
      clientName: ERASED,
      pageUrl: ERASED,
      clientComment: ERASED,
      reviewComment: ERASED,
      crmLink: { id: 'crm-771', url: ERASED },
    });
    for (const key of ['generalStatus', 'detailedStatus', 'durationMs', 'responseCount', 'firstMessageResponseMs', 'clientRating', 'reviewScore', 'assigneeId'])
      expect({ key, value: after[key] }).toEqual({ key, value: before[key] });
    for (const words of ['Zelda', 'passport', 'erased']) {
      const found = (await read('/dialogs', supervisor, { q: words }).expect(200)).body.items as unknown[];
      expect({ words, found }).toEqual({ words, found: [] });
    }
    const items = (await read(`/dialogs/${doomed}/messages`, supervisor).expect(200)).body.items as {
      kind: string;
      text: string | null;
      attachments: object[] | null;
    }[];
    const said = items.filter((item) => item.kind !== 'system');
    expect(said.map((item) => item.text)).toEqual([ERASED, ERASED, ERASED]);
    expect(said[0].attachments).toEqual([expect.objectContaining({ name: ERASED, url: ERASED, contentType: 'application/pdf' })]);
    const reminders = (await read('/reminders', bob, { status: 'cancelled' }).expect(200)).body.items as { dialogId: string; note: string }[];
    expect(reminders.filter((r) => r.dialogId === doomed).map((r) => r.note)).toEqual([ERASED]);
    expect((await read(`/dialogs/${kept}`, supervisor).expect(200)).body).toMatchObject({ clientName: 'Kept Person' });
  });

  it('shows the events erased in the log, the audit trail (whose chain still verifies), time travel and SSE', async () => {
    const log = JSON.stringify((await http().get('/events').query({ category: 'dialog', limit: '100' }).set(auditor).expect(200)).body.events);
    const audit = (await read(`/dialogs/${doomed}/events`, auditor, { verify: 'true' }).expect(200)).body as {
      items: { data: object; metadata: object }[];
      chain: { intact: boolean };
    };
    expect(audit.chain.intact).toBe(true);
    expect(audit.items[0]).toMatchObject({
      data: { client: { id: 'c-doomed', name: ERASED }, pageUrl: ERASED },
      metadata: { personalData: { subjectId: 'c-doomed', erased: true } },
    });
    const asOf = JSON.stringify((await read(`/dialogs/${doomed}`, supervisor, { asOf: new Date().toISOString() }).expect(200)).body);
    const sse = await SseClient.connect(app, '/events?from=0&category=dialog', as('service', 'sse-reader'));
    await sse.until(() => sse.events.some((e) => e.data.includes(kept) && e.data.includes('kept-reply')));
    sse.close();
    for (const [reader, text] of Object.entries({ log, audit: JSON.stringify(audit), asOf, sse: JSON.stringify(sse.events) })) {
      for (const words of Object.values(secrets)) expect({ reader, found: text.includes(words) }).toEqual({ reader, found: false });
      expect({ reader, erased: text.includes(ERASED) }).toEqual({ reader, erased: true });
    }
    expect(log).toContain('kept-client-words');
  });

  it('leaves none of the client’s words anywhere in the database, and every hash chain intact', async () => {
    const tables = await dumpDatabase(db.url);
    // The tables that held the words before: the log, the read models, the dead letters.
    expect(tables['webhooks.dead_letters']).toContain('kept-client-words');
    // Read models live in a schema per generation (rm_<name>_g<n>).
    const messages = Object.keys(tables).filter((table) => table.endsWith('.dialog_messages'));
    expect(messages.some((table) => tables[table].includes('kept-client-words'))).toBe(true);
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(['privacy.subject_keys', 'write_side.idempotency_ledger', 'projections.checkpoints']));
    const dump = Object.entries(tables)
      .map(([table, rows]) => `${table}: ${rows}`)
      .join('\n');
    for (const words of Object.values(secrets)) expect({ words, found: dump.includes(words) }).toEqual({ words, found: false });
    const store = new PostgresEventStore({ connectionString: db.url });
    try {
      const summary = await auditChains(store, db.url, [], { quiet: true });
      expect(isIntact(summary)).toBe(true);
      expect(summary.events).toBeGreaterThan(15);
    } finally {
      await store.close();
    }
  });
});
