import request from 'supertest';
import { expectProblem } from './support/problem';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, castTokens } from './support/tokens';

/**
 * The query side over HTTP: dialogs made through the command API, read back with the position
 * the last command answered, as a client reading its own writes does.
 */
describe('query API, end to end', () => {
  let edge: EdgeTestApp;
  const token = castTokens();
  const http = () => request(edge.app.getHttpServer());
  const as = (t: string) => ({ Authorization: bearer(t) });
  const dialog = { kim: '', bob: '', spam: '' };
  let position = '';

  /** Sends a command and remembers the log position it answered. */
  const command = async (test: request.Test, status: number) => {
    const response = await test.expect(status);
    if (response.body.position !== null) position = response.body.position as string;
    return response;
  };
  /** A read that waits for the last command, and must not come back stale. */
  const read = async (path: string, t: string, query: Record<string, string> = {}) => {
    const response = await http()
      .get(path)
      .query({ ...query, minPosition: position })
      .set(as(t));
    expect(response.headers['x-read-model-stale']).toBeUndefined();
    return response;
  };
  const open = async (lineId: string, client: { id: string; name: string }) =>
    (await command(http().post('/dialogs').set(as(token.channel)).send({ direction: 'inbound', channel: 'telegram', lineId, client }), 201)).body
      .dialogId as string;
  const say = (id: string, t: string, author: string, text: string) => command(http().post(`/dialogs/${id}/messages`).set(as(t)).send({ author, text }), 201);

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    for (const [lineId, name] of [
      ['support', 'Support'],
      ['sales', 'Sales'],
    ]) {
      await command(http().post('/lines').set(as(token.admin)).send({ lineId, name, routingMode: 'manual' }), 201);
    }
    for (const [operatorId, name] of [
      ['op-a', 'Ann'],
      ['op-b', 'Bob'],
    ]) {
      await command(
        http()
          .post('/operators')
          .set(as(token.admin))
          .send({ operatorId, name, lineIds: ['support', 'sales'] }),
        201,
      );
    }
    dialog.kim = await open('support', { id: 'c-kim', name: 'Kim Lee' });
    await say(dialog.kim, token.channel, 'client', 'Where is my order?');
    await say(dialog.kim, token.opA, 'operator', 'Let me check.');
    await command(http().post(`/dialogs/${dialog.kim}/notes`).set(as(token.opA)).send({ text: 'VIP client' }), 201);
    dialog.bob = await open('sales', { id: 'c-bob', name: 'Bob Stone' });
    await say(dialog.bob, token.channel, 'client', 'A question about my invoice');
    await command(http().put(`/dialogs/${dialog.bob}/assignee`).set(as(token.supervisor)).send({ operatorId: 'op-b' }), 200);
    await command(http().put(`/dialogs/${dialog.bob}/tags/billing`).set(as(token.supervisor)), 200);
    dialog.spam = await open('support', { id: 'c-spam', name: 'Spammer' });
    await command(http().post(`/dialogs/${dialog.spam}/close`).set(as(token.supervisor)).send({ asSpam: true }), 200);
  });
  afterAll(() => edge.stop());

  const ids = async (t: string, query: Record<string, string> = {}) =>
    ((await read('/dialogs', t, query)).body.items as { dialogId: string }[]).map((item) => item.dialogId);

  it('lists the dialogs newest activity first, every column in camelCase', async () => {
    const response = await read('/dialogs', token.supervisor);
    expect(response.status).toBe(200);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.items.map((item: { dialogId: string }) => item.dialogId)).toEqual([dialog.spam, dialog.bob, dialog.kim]);
    const kim = response.body.items[2];
    expect(kim).toMatchObject({
      dialogId: dialog.kim,
      lineId: 'support',
      channel: 'telegram',
      direction: 'inbound',
      generalStatus: 'operator_answered',
      detailedStatus: 'operator_answered',
      journalStatus: 'active',
      isSpam: false,
      clientId: 'c-kim',
      clientName: 'Kim Lee',
      assigneeId: 'op-a',
      participants: [],
      tags: [],
      crmLink: null,
      closedAt: null,
      responseCount: 1,
    });
    expect(typeof kim.number).toBe('number');
    expect(kim.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(kim.firstOperatorReplyAt).toMatch(/Z$/);
    expect(typeof kim.waitForFirstReplyMs).toBe('number');
    expect(kim.lastPosition).toMatch(/^\d+$/);
  });

  it('filters the list', async () => {
    expect(await ids(token.supervisor, { q: 'order' })).toEqual([dialog.kim]);
    expect(await ids(token.supervisor, { q: 'bob' })).toEqual([dialog.bob]);
    expect(await ids(token.supervisor, { lineId: 'sales' })).toEqual([dialog.bob]);
    expect(await ids(token.supervisor, { unanswered: 'true' })).toEqual([dialog.bob]);
    expect(await ids(token.supervisor, { spam: 'true' })).toEqual([dialog.spam]);
    expect(await ids(token.supervisor, { status: 'closed,operator_answered', sort: 'number', order: 'asc' })).toEqual([dialog.kim, dialog.spam]);
    expect(await ids(token.supervisor, { detailedStatus: 'new' })).toEqual([dialog.bob]);
    expect(await ids(token.supervisor, { operatorId: 'op-a,op-b', tag: 'billing' })).toEqual([dialog.bob]);
    expect(await ids(token.supervisor, { unassigned: 'true', channel: 'telegram' })).toEqual([dialog.spam]);
    expect(await ids(token.supervisor, { createdFrom: '2000-01-01', createdTo: '2000-01-02' })).toEqual([]);
    expect(await ids(token.supervisor, { closedFrom: '2000-01-01T00:00:00Z' })).toEqual([dialog.spam]);
    expect(await ids(token.opA, { assignedToMe: 'true' })).toEqual([dialog.kim]);
  });

  it("shows an operator their own dialogs and unassigned ones, and answers 404 for another's", async () => {
    expect(await ids(token.opA)).toEqual([dialog.spam, dialog.kim]);
    expect(await ids(token.opB)).toEqual([dialog.spam, dialog.bob]);
    expect(await ids(token.auditor)).toEqual([dialog.spam, dialog.bob, dialog.kim]);
    expectProblem(await read(`/dialogs/${dialog.bob}`, token.opA), 404, 'dialog_not_found');
    expect((await read(`/dialogs/${dialog.bob}`, token.opB)).body).toMatchObject({ dialogId: dialog.bob, assigneeId: 'op-b', tags: ['billing'] });
  });

  it('walks the list page by page with the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '1', sort: 'createdAt', order: 'asc', ...(cursor === null ? {} : { cursor }) };
      const response = await read('/dialogs', token.supervisor, query);
      expect(response.status).toBe(200);
      seen.push(...response.body.items.map((item: { dialogId: string }) => item.dialogId));
      cursor = response.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([dialog.kim, dialog.bob, dialog.spam]);
  });

  it("answers a dialog's timeline in order, without the notes and system entries for services", async () => {
    type Item = { kind: string; text?: string; action?: string };
    const texts = async (t: string) =>
      ((await read(`/dialogs/${dialog.kim}/messages`, t)).body.items as Item[]).map((m) => (m.kind === 'system' ? `(${m.action})` : m.text));
    // The first reply assigned op-a: the system entry comes before the reply, in log order.
    expect(await texts(token.supervisor)).toEqual(['Where is my order?', '(assigned)', 'Let me check.', 'VIP client']);
    expect(await texts(token.channel)).toEqual(['Where is my order?', 'Let me check.']);
    const page = await read(`/dialogs/${dialog.kim}/messages`, token.opA, { limit: '1' });
    expect(page.body.items[0]).toMatchObject({ kind: 'message', author: { kind: 'client', id: 'c-kim' }, attachments: [] });
    const next = await read(`/dialogs/${dialog.kim}/messages`, token.opA, { limit: '3', cursor: page.body.nextCursor });
    expect(next.body.items.map((m: { kind: string }) => m.kind)).toEqual(['system', 'message', 'note']);
    expect(next.body.nextCursor).toBeNull();
  });

  it("answers a dialog's status history in order", async () => {
    const response = await read(`/dialogs/${dialog.kim}/history`, token.auditor);
    expect(response.body.items).toEqual([
      expect.objectContaining({ eventType: 'DialogOpened', fromDetailedStatus: null, toDetailedStatus: 'new', actor: { kind: 'service', id: 'telegram' } }),
      expect.objectContaining({
        eventType: 'MessageSent',
        fromDetailedStatus: 'new',
        toDetailedStatus: 'operator_answered',
        toGeneralStatus: 'operator_answered',
      }),
    ]);
    expectProblem(await read(`/dialogs/${dialog.kim}/history`, token.channel), 403, 'role_not_allowed');
  });

  it('answers the assignment trail with who, why, when and the request', async () => {
    const trail = await read('/audit/assignments', token.auditor, { order: 'asc' });
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        dialogId: dialog.kim,
        eventType: 'OperatorAssigned',
        fromOperatorId: null,
        toOperatorId: 'op-a',
        reason: 'first_reply',
        actor: { kind: 'operator', id: 'op-a' },
      }),
      expect.objectContaining({ dialogId: dialog.bob, toOperatorId: 'op-b', reason: 'manual', actor: { kind: 'supervisor', id: 'sup-1' } }),
    ]);
    const entry = trail.body.items[1];
    expect(entry).toMatchObject({
      correlationId: expect.any(String),
      causationId: expect.any(String),
      eventId: expect.any(String),
      position: expect.stringMatching(/^\d+$/),
    });
    expect((await read('/audit/assignments', token.supervisor, { operatorId: 'op-b' })).body.items).toHaveLength(1);
    expect((await read('/audit/assignments', token.admin, { actorId: 'op-a', dialogId: dialog.kim })).body.items).toHaveLength(1);
    expectProblem(await read('/audit/assignments', token.opA), 403, 'role_not_allowed');
  });

  it('answers response-time aggregates', async () => {
    const stats = await read('/stats/response-times', token.supervisor, { groupBy: 'operator' });
    expect(stats.body).toMatchObject({ groupBy: 'operator', groups: [{ key: 'op-a', count: 1 }], total: { count: 1 } });
    const { meanMs, medianMs, p90Ms, maxMs } = stats.body.groups[0];
    expect(meanMs).toBe(maxMs);
    expect([medianMs, p90Ms]).toEqual([maxMs, maxMs]);
    const empty = { groupBy: 'line', credit: 'assignee', clock: 'calendar', groups: [], total: null };
    expect((await read('/stats/response-times', token.auditor, { groupBy: 'line', lineId: 'sales' })).body).toEqual(empty);
    expectProblem(await read('/stats/response-times', token.opA, { groupBy: 'day' }), 403);
  });

  it("answers the operators' workload; an operator sees their own row", async () => {
    const zero = { new: 0, queued: 0, in_work: 0, client_waiting: 0, client_waiting_new_question: 0, operator_answered: 0 };
    expect((await read('/operators/workload', token.supervisor)).body.items).toEqual([
      { operatorId: 'op-a', open: 1, byStatus: { ...zero, operator_answered: 1 } },
      { operatorId: 'op-b', open: 1, byStatus: { ...zero, new: 1 } },
    ]);
    expect((await read('/operators/workload', token.opB)).body.items).toEqual([{ operatorId: 'op-b', open: 1, byStatus: { ...zero, new: 1 } }]);
    expectProblem(await read('/operators/workload', token.channel), 403);
  });

  it("answers each projection's position and lag", async () => {
    const response = await read('/projections', token.admin);
    const names = response.body.items.map((item: { name: string }) => item.name);
    expect(names).toEqual(expect.arrayContaining(['read-models.dialog-list', 'read-models.dialog-messages', 'read-models.assignment-audit']));
    const list = response.body.items.find((item: { name: string }) => item.name === 'read-models.dialog-list');
    expect(list).toMatchObject({ status: 'running', position: expect.stringMatching(/^\d+$/), failure: null, lag: { capped: false, filtered: true } });
    expectProblem(await read('/projections', token.opA), 403);
  });
});
