import { Client } from 'pg';
import request from 'supertest';
import { DATABASE, type ResolvedDatabase } from '@switchboard/platform';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { expectFieldError, expectProblem } from './support/problem';
import { bearer, castTokens } from './support/tokens';

interface EventItem {
  eventId: string;
  type: string;
  revision: string;
  position: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** GET /dialogs/{id}/events: the audit trail straight from the log, with its hash chain. */
describe('dialog events API, end to end', () => {
  let edge: EdgeTestApp;
  let sql: Client;
  const token = castTokens();
  const http = () => request(edge.app.getHttpServer());
  const as = (t: string) => ({ Authorization: bearer(t) });
  let dialogId = '';
  let position = '';

  const command = async (test: request.Test, status: number) => {
    const response = await test.expect(status);
    if (response.body.position !== null) position = response.body.position as string;
    return response;
  };
  const events = (t: string, query: Record<string, string> = {}, id = dialogId) =>
    http()
      .get(`/dialogs/${id}/events`)
      .query({ minPosition: position, ...query })
      .set(as(t));

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    sql = new Client({ connectionString: edge.app.get<ResolvedDatabase>(DATABASE).url });
    await sql.connect();
    await command(http().post('/lines').set(as(token.admin)).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }), 201);
    for (const operatorId of ['op-a', 'op-b']) {
      await command(
        http()
          .post('/operators')
          .set(as(token.admin))
          .send({ operatorId, name: operatorId, lineIds: ['support'] }),
        201,
      );
    }
    const opened = await command(
      http()
        .post('/dialogs')
        .set(as(token.channel))
        .set('X-Correlation-Id', 'corr-open')
        .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' } }),
      201,
    );
    dialogId = opened.body.dialogId as string;
    await command(http().post(`/dialogs/${dialogId}/messages`).set(as(token.channel)).send({ author: 'client', text: 'Where is my order?' }), 201);
    await command(http().post(`/dialogs/${dialogId}/messages`).set(as(token.opA)).send({ author: 'operator', text: 'Let me check.' }), 201);
    await command(http().post(`/dialogs/${dialogId}/notes`).set(as(token.opA)).send({ text: 'VIP' }), 201);
  });
  afterAll(async () => {
    await sql.end();
    await edge.stop();
  });

  it('answers every event of the stream with all its metadata, chained by hash', async () => {
    const response = await events(token.auditor).expect(200);
    const items = response.body.items as EventItem[];
    expect(response.body).toMatchObject({ dialogId, streamId: `dialog-${dialogId}`, nextFromRevision: null });
    expect(response.body.chain).toBeUndefined();
    expect(items.map((e) => e.type)).toEqual(['DialogOpened', 'MessageSent', 'OperatorAssigned', 'MessageSent', 'NoteAdded']);
    expect(items.map((e) => e.revision)).toEqual(['0', '1', '2', '3', '4']);
    expect(items[0]).toMatchObject({
      position: expect.stringMatching(/^\d+$/),
      recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      data: { dialogId, channel: 'telegram' },
      metadata: {
        actor: { kind: 'service', id: 'telegram' },
        correlationId: 'corr-open',
        causationId: 'corr-open',
        occurredAt: expect.any(String),
        schemaVersion: 1,
        commandType: expect.any(String),
        previousHash: null,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    for (let i = 1; i < items.length; i++) expect(items[i].metadata.previousHash).toBe(items[i - 1].metadata.hash);
    expect(BigInt(items[4].position)).toBeGreaterThan(BigInt(items[0].position));
  });

  it('pages by revision', async () => {
    const first = await events(token.supervisor, { limit: '2' }).expect(200);
    expect((first.body.items as EventItem[]).map((e) => e.revision)).toEqual(['0', '1']);
    expect(first.body.nextFromRevision).toBe('2');
    const rest = await events(token.admin, { fromRevision: '2', limit: '3' }).expect(200);
    expect((rest.body.items as EventItem[]).map((e) => e.revision)).toEqual(['2', '3', '4']);
    expect(rest.body.nextFromRevision).toBeNull();
    const past = await events(token.admin, { fromRevision: '40' }).expect(200);
    expect(past.body.items).toEqual([]);
  });

  it('shows an operator only a dialog they may see, as GET /dialogs/{id} does', async () => {
    await events(token.opA).expect(200);
    expectProblem(await events(token.opB), 404, 'dialog_not_found');
    expectProblem(await http().get(`/dialogs/${dialogId}`).query({ minPosition: position }).set(as(token.opB)), 404);
    expectProblem(await events(token.channel), 403, 'role_not_allowed');
  });

  it('answers 404 for an unknown dialog and 400 naming a bad parameter', async () => {
    expectProblem(await events(token.auditor, {}, '7b1c1a4e-3f7e-4c39-9d59-3c2a1f0e9b11'), 404, 'dialog_not_found');
    expect(expectFieldError(await events(token.auditor, { fromRevision: '-1' }), 'fromRevision')).toHaveLength(1);
    expectFieldError(await events(token.auditor, { fromRevision: '99999999999999999999' }), 'fromRevision');
    expectFieldError(await events(token.auditor, { limit: '0' }), 'limit');
    expectFieldError(await events(token.auditor, { verify: 'yes' }), 'verify');
    expectFieldError(await events(token.auditor, { sort: 'revision' }), 'sort');
    expectFieldError(await events(token.auditor, {}, 'not-a-uuid'), 'id');
  });

  it("chains the projector's reactions too: the operator-removal unassignment", async () => {
    const held = (
      await command(
        http()
          .post('/dialogs')
          .set(as(token.channel))
          .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-2', name: 'Bo' } }),
        201,
      )
    ).body.dialogId as string;
    await command(http().put(`/dialogs/${held}/assignee`).set(as(token.supervisor)).send({ operatorId: 'op-b' }), 200);
    await command(http().delete('/operators/op-b').set(as(token.admin)), 200);
    const deadline = Date.now() + 10_000;
    let items: EventItem[] = [];
    while (!items.some((e) => e.type === 'OperatorUnassigned')) {
      if (Date.now() > deadline) throw new Error('operator was not unassigned');
      await new Promise((r) => setTimeout(r, 50));
      items = (await events(token.auditor, {}, held).expect(200)).body.items as EventItem[];
    }
    const unassigned = items.find((e) => e.type === 'OperatorUnassigned');
    expect(unassigned?.metadata).toMatchObject({
      actor: { kind: 'system' },
      previousHash: items.at(-2)?.metadata.hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await events(token.auditor, { verify: 'true' }, held).expect(200)).body.chain).toMatchObject({ intact: true, events: items.length });
  });

  it('verifies the chain on request, and names the event edited in the database', async () => {
    const intact = await events(token.auditor, { verify: 'true', limit: '1' }).expect(200);
    expect(intact.body.chain).toMatchObject({
      intact: true,
      events: 5,
      unchained: 0,
      lastRevision: '4',
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      firstBreak: null,
    });

    const note = ((await events(token.auditor)).body.items as EventItem[])[4];
    await sql.query(`UPDATE event_store.events SET data = jsonb_set(data, '{text}', '"not VIP"') WHERE event_id = $1`, [note.eventId]);
    const broken = await events(token.auditor, { verify: 'true' }).expect(200);
    expect(broken.body.chain).toMatchObject({
      intact: false,
      firstBreak: {
        revision: '4',
        eventId: note.eventId,
        position: note.position,
        reason: 'data_edited',
        expected: note.metadata.hash,
        found: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
  });
});
