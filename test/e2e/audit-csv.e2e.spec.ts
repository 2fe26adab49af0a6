import request from 'supertest';
import { csvObjects } from '@switchboard/testing';
import { expectProblem } from './support/problem';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

type Entry = {
  dialogId: string;
  position: string;
  eventType: string;
  fromOperatorId: string | null;
  toOperatorId: string | null;
  reason: string;
  actor: { kind: string; id: string } | null;
  occurredAt: string;
  correlationId: string | null;
  causationId: string | null;
  eventId: string;
};

/** GET /audit/assignments as text/csv: every page for the filters, as one download. */
describe('assignment audit as CSV', () => {
  let edge: EdgeTestApp;
  let position = '';
  const admin = tokenFor('admin', 'admin-1');
  const supervisor = tokenFor('supervisor', 'sup-1');
  const auditor = tokenFor('auditor', 'aud-1');
  const channel = tokenFor('service', 'telegram');
  const http = () => request(edge.app.getHttpServer());
  const as = (token: string) => ({ Authorization: bearer(token) });
  const send = async (test: request.Test, status: number) => {
    const response = await test.expect(status);
    position = response.body.position as string;
    return response;
  };
  const csv = (query: Record<string, string>, accept = 'text/csv', token = auditor) =>
    http()
      .get('/audit/assignments')
      .query({ ...query, minPosition: position })
      .set({ ...as(token), Accept: accept });
  /** Every entry through the JSON pages, as the CSV should list them. */
  async function allPages(query: Record<string, string>): Promise<Entry[]> {
    const entries: Entry[] = [];
    let cursor: string | undefined;
    do {
      const page = await http()
        .get('/audit/assignments')
        .query({ ...query, ...(cursor ? { cursor } : {}), limit: '200' })
        .set(as(auditor))
        .expect(200);
      entries.push(...(page.body.items as Entry[]));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return entries;
  }
  const asRows = (entries: Entry[]) =>
    entries.map((e) => ({
      occurred_at: e.occurredAt,
      position: e.position,
      dialog_id: e.dialogId,
      event_type: e.eventType,
      from_operator_id: e.fromOperatorId,
      to_operator_id: e.toOperatorId,
      reason: e.reason,
      actor_kind: e.actor?.kind ?? null,
      actor_id: e.actor?.id ?? null,
      correlation_id: e.correlationId,
      causation_id: e.causationId,
      event_id: e.eventId,
    }));

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    await send(http().post('/lines').set(as(admin)).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }), 201);
    for (const operatorId of ['op-a', 'op-b']) {
      await send(
        http()
          .post('/operators')
          .set(as(admin))
          .send({ operatorId, name: operatorId, lineIds: ['support'] }),
        201,
      );
    }
    for (let i = 0; i < 6; i++) {
      const opened = await send(
        http()
          .post('/dialogs')
          .set(as(channel))
          .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: `c-${i}`, name: 'Kim, "K"' } }),
        201,
      );
      const dialogId = opened.body.dialogId as string;
      await send(http().put(`/dialogs/${dialogId}/assignee`).set(as(supervisor)).send({ operatorId: 'op-a' }), 200);
      if (i % 2 === 0) await send(http().put(`/dialogs/${dialogId}/assignee`).set(as(supervisor)).send({ operatorId: 'op-b' }), 200);
    }
  });
  afterAll(() => edge.stop());

  it('streams every page for the filters, with a header row, as the JSON pages list them', async () => {
    const response = await csv({ limit: '2', order: 'asc' }).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="assignment-audit.csv"');
    const { header, rows } = csvObjects(response.text);
    expect(header[0]).toBe('occurred_at');
    const expected = await allPages({ order: 'asc' });
    expect(expected).toHaveLength(9);
    expect(rows).toEqual(asRows(expected));
  });

  it('takes ?format=csv as Accept: text/csv, applies the filters and the order, and stays JSON otherwise', async () => {
    const byFormat = await csv({ format: 'csv', operatorId: 'op-b' }, 'application/json').expect(200);
    expect(csvObjects(byFormat.text).rows).toEqual(asRows(await allPages({ operatorId: 'op-b' })));
    expect(csvObjects(byFormat.text).rows).toHaveLength(3);
    const json = await csv({ limit: '2' }, 'application/json, text/csv;q=0.5').expect(200);
    expect(json.body.items).toHaveLength(2);
    const forcedJson = await csv({ format: 'json' }).expect(200);
    expect(forcedJson.headers['content-type']).toMatch(/^application\/json/);
  });

  it('keeps the role rules and refuses an unknown format', async () => {
    expect((await csv({}, 'text/csv', supervisor)).status).toBe(200);
    expect((await csv({}, 'text/csv', admin)).status).toBe(200);
    expectProblem(await csv({}, 'text/csv', tokenFor('operator', 'op-a')), 403, 'role_not_allowed');
    expectProblem(await csv({}, 'text/csv', channel), 403, 'role_not_allowed');
    const bad = await csv({ format: 'xml' });
    expectProblem(bad, 400, 'validation_failed');
    expect(bad.body.errors).toEqual([{ field: 'format', reason: 'format must be json or csv' }]);
  });
});
