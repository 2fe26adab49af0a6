import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { readModelSources } from '@switchboard/read-models/queries/read-your-writes/read-model-sources';
import { createTestDatabase, eventually, TestDatabase } from '@switchboard/testing';
import { TestReceiver } from '@switchboard/webhooks/testing';
import { parseExportOptions } from '@switchboard/projector/cli/export/export-options';
import { runExport } from '@switchboard/projector/cli/export/run-export';
import { startEventStoreDbDouble, type EventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { startTestApp } from './test-app';
import { bearer, TEST_JWT_SECRET, tokenFor } from './support/tokens';

type EventJson = { id: string; type: string; position: string };
type ProjectionJson = { name: string; position: string | null; status: string; failure: unknown };

const LINKS = 10_000;

/**
 * The API and the projector over a log shaped like a production server's: every append followed
 * by the built-in projections' links, and long runs of links (10,000 in all) between the writes.
 * GET /events, the export, a webhook and the read models each see every event exactly once.
 */
describe('Switchboard on EventStoreDB with long runs of link events', () => {
  let double: EventStoreDbDouble;
  let db: TestDatabase;
  let app: INestApplication;
  const receiver = new TestReceiver();
  const recorded: string[] = [];
  /** The dialogs opened, with the text of the one message each got after the webhook (if any). */
  const dialogs = new Map<string, string | undefined>();
  let beforeWebhook = '';
  let lastPosition = '';
  let webhookId = '';
  const http = () => request(app.getHttpServer());
  const as = (role: Parameters<typeof tokenFor>[0], sub: string) => ({ Authorization: bearer(tokenFor(role, sub)) });
  const send = async (test: request.Test) => {
    const response = await test;
    expect(response.status).toBeLessThan(300);
    recorded.push(...((response.body.eventTypes as string[] | undefined) ?? []));
    lastPosition = response.body.position as string;
    return response;
  };
  const openDialog = async (clientId: string): Promise<string> =>
    (
      await send(
        http()
          .post('/dialogs')
          .set(as('service', 'telegram'))
          .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: clientId, name: clientId } }),
      )
    ).body.dialogId;

  beforeAll(async () => {
    double = await startEventStoreDbDouble();
    db = await createTestDatabase([]);
    const url = await receiver.start();
    app = await startTestApp({
      DATABASE_URL: db.url,
      EVENT_STORE: 'eventstoredb',
      EVENTSTOREDB_URL: double.connectionString,
      JWT_SECRET: TEST_JWT_SECRET,
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOK_POLL_MS: '100',
    });
    await send(http().post('/lines').set(as('admin', 'admin-1')).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }));
    dialogs.set(await openDialog('before-webhook'), undefined);
    beforeWebhook = lastPosition;
    double.writeLinkRun(LINKS / 5);
    // Registered `from` now, behind a run of links: it must start at our last event, not the beginning.
    const webhook = await http()
      .post('/webhooks')
      .set(as('admin', 'admin-1'))
      .send({ url, categories: ['dialog'] })
      .expect(201);
    expect(webhook.body.position).toBe(beforeWebhook);
    webhookId = webhook.body.id as string;
    for (const clientId of ['c-1', 'c-2', 'c-3', 'c-4']) {
      const dialogId = await openDialog(clientId);
      double.writeLinkRun(LINKS / 5);
      const text = `hello from ${clientId}`;
      await send(http().post(`/dialogs/${dialogId}/messages`).set(as('service', 'telegram')).send({ author: 'client', text }));
      dialogs.set(dialogId, text);
    }
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.drop();
    await double.stop();
    await receiver.stop();
  });

  it('pages GET /events through every event once, to the head', async () => {
    const walked: EventJson[] = [];
    let from: string | null = null;
    for (;;) {
      const page = await http()
        .get('/events')
        .query({ limit: '3', ...(from === null ? {} : { from }) })
        .set(as('auditor', 'aud-1'))
        .expect(200);
      if (page.body.events.length === 0) break;
      walked.push(...(page.body.events as EventJson[]));
      from = page.body.nextPosition as string;
    }
    expect(walked.map((e) => e.type)).toEqual(recorded);
    expect(new Set(walked.map((e) => e.id)).size).toBe(recorded.length);
  });

  it('exports every event once', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'export-links-')), 'events.ndjson');
    const noReadModels = {
      query: async () => {
        throw new Error('the events export reads no read model');
      },
    };
    const counts = await runExport(parseExportOptions(['events', '--batch-size', '50', '--out', out]), {
      store: app.get<EventStore>(EVENT_STORE),
      db: noReadModels,
    });
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; id: string });
    expect(lines.map((l) => l.type)).toEqual(recorded);
    expect(new Set(lines.map((l) => l.id)).size).toBe(recorded.length);
    expect(counts).toMatchObject({ written: recorded.length });
  });

  it('delivers to a webhook registered behind a run exactly the dialog events after it, once each', async () => {
    // Its checkpoint reaches the last dialog event once every delivery before it is done.
    const checkpoint = async () => (await http().get(`/webhooks/${webhookId}`).set(as('admin', 'admin-1')).expect(200)).body.position as string;
    await eventually(async () => BigInt(await checkpoint()) >= BigInt(lastPosition), 'the webhook checkpoint reaches the last dialog event', 30_000);
    const types = receiver.delivered.map((r) => r.event.type);
    expect(types.sort()).toEqual([...Array(4).fill('DialogOpened'), ...Array(4).fill('MessageSent')].sort());
    expect(new Set(receiver.delivered.map((r) => r.eventId)).size).toBe(receiver.delivered.length);
  });

  it('projects every event into the read models, each once', async () => {
    const projections = await http().get('/projections').query({ minPosition: lastPosition }).set(as('admin', 'admin-1')).expect(200);
    expect(projections.headers['x-read-model-stale']).toBeUndefined();
    for (const projection of projections.body.items as ProjectionJson[]) {
      expect({ name: projection.name, status: projection.status, failure: projection.failure }).toEqual({
        name: projection.name,
        status: 'running',
        failure: null,
      });
    }
    // Both follow the dialogs: each checkpoint stands at the last dialog event.
    const byName = new Map((projections.body.items as ProjectionJson[]).map((p) => [p.name, p.position]));
    const { dialogList, dialogMessages } = readModelSources;
    expect([byName.get(dialogList.name), byName.get(dialogMessages.name)]).toEqual([lastPosition, lastPosition]);

    const list = await http().get('/dialogs').query({ minPosition: lastPosition }).set(as('supervisor', 'sup-1')).expect(200);
    expect(list.headers['x-read-model-stale']).toBeUndefined();
    expect((list.body.items as { dialogId: string }[]).map((d) => d.dialogId).sort()).toEqual([...dialogs.keys()].sort());
    for (const [dialogId, text] of dialogs) {
      const timeline = await http().get(`/dialogs/${dialogId}/messages`).set(as('supervisor', 'sup-1')).expect(200);
      const messages = (timeline.body.items as { kind: string; text?: string }[]).filter((item) => item.kind === 'message');
      expect(messages.map((m) => m.text)).toEqual(text === undefined ? [] : [text]);
    }
  });
});
