import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { parseExportOptions } from '../../apps/projector/src/cli/export/export-options';
import { runExport } from '../../apps/projector/src/cli/export/run-export';
import { eventually, TestReceiver } from '../../libs/webhooks/src/testing/test-receiver';
import { startEventStoreDbDouble, type EventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { startTestApp } from './test-app';
import { bearer, TEST_JWT_SECRET, tokenFor } from './support/tokens';

type EventJson = { id: string; type: string; position: string };

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
  const http = () => request(app.getHttpServer());
  const as = (role: Parameters<typeof tokenFor>[0], sub: string) => ({ Authorization: bearer(tokenFor(role, sub)) });
  const send = async (test: request.Test) => {
    const response = await test;
    expect(response.status).toBeLessThan(300);
    recorded.push(...((response.body.eventTypes as string[] | undefined) ?? []));
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
    await openDialog('before-webhook');
    double.writeLinkRun(LINKS / 5);
    // Registered `from` now, behind a run of links: it must start at our last event, not the beginning.
    const webhook = await http()
      .post('/webhooks')
      .set(as('admin', 'admin-1'))
      .send({ url, categories: ['dialog'] })
      .expect(201);
    expect(webhook.body.position).not.toBeNull();
    for (const clientId of ['c-1', 'c-2', 'c-3', 'c-4']) {
      const dialogId = await openDialog(clientId);
      double.writeLinkRun(LINKS / 5);
      await send(
        http()
          .post(`/dialogs/${dialogId}/messages`)
          .set(as('service', 'telegram'))
          .send({ author: 'client', text: `hello from ${clientId}` }),
      );
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
    const expected = 4 * 2; // four dialogs opened, one message each
    await eventually(() => receiver.delivered.length >= expected, 'every dialog event is delivered', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const types = receiver.delivered.map((r) => r.event.type);
    expect(types.sort()).toEqual([...Array(4).fill('DialogOpened'), ...Array(4).fill('MessageSent')].sort());
    expect(new Set(receiver.delivered.map((r) => r.eventId)).size).toBe(expected);
  });

  it('projects every event into the read models', async () => {
    const head = await app.get<EventStore>(EVENT_STORE).headPosition();
    const list = await http()
      .get('/dialogs')
      .query({ minPosition: String(head) })
      .set(as('supervisor', 'sup-1'))
      .expect(200);
    expect(list.headers['x-read-model-stale']).toBeUndefined();
    expect(list.body.items).toHaveLength(5);
  });
});
