import request from 'supertest';
import { expectFieldError, expectProblem } from './support/problem';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, castTokens } from './support/tokens';

/**
 * Credit by history over HTTP: a dialog handed from op-a to op-b while the client waits, answered
 * by op-b, closed and reopened; a second dialog answered by op-a on a first reply.
 */
describe('credit by history, end to end', () => {
  let edge: EdgeTestApp;
  const token = castTokens();
  const http = () => request(edge.app.getHttpServer());
  const as = (t: string) => ({ Authorization: bearer(t) });
  let position = '';
  let handedOver = '';
  let quick = '';

  const command = async (test: request.Test, status = 201) => {
    const response = await test.expect(status);
    if (response.body.position !== null) position = response.body.position as string;
    return response;
  };
  const read = async (path: string, t: string, query: Record<string, string> = {}) => {
    const response = await http()
      .get(path)
      .query({ ...query, minPosition: position })
      .set(as(t));
    expect(response.headers['x-read-model-stale']).toBeUndefined();
    return response;
  };
  const open = async (clientId: string) =>
    (
      await command(
        http()
          .post('/dialogs')
          .set(as(token.channel))
          .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: clientId } }),
      )
    ).body.dialogId as string;
  const say = (id: string, t: string, author: string) =>
    command(
      http()
        .post(`/dialogs/${id}/messages`)
        .set(as(t))
        .send({ author, text: `${author} speaks` }),
    );
  const assign = (id: string, operatorId: string) => command(http().put(`/dialogs/${id}/assignee`).set(as(token.supervisor)).send({ operatorId }), 200);

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    await command(http().post('/lines').set(as(token.admin)).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }));
    for (const operatorId of ['op-a', 'op-b']) {
      await command(
        http()
          .post('/operators')
          .set(as(token.admin))
          .send({ operatorId, name: operatorId, lineIds: ['support'] }),
      );
    }
    handedOver = await open('c-1');
    await say(handedOver, token.channel, 'client');
    await assign(handedOver, 'op-a');
    await assign(handedOver, 'op-b');
    await say(handedOver, token.opB, 'operator');
    await command(http().post(`/dialogs/${handedOver}/close`).set(as(token.opB)).send({}), 200);
    await command(http().post(`/dialogs/${handedOver}/reopen`).set(as(token.opB)), 200);
    quick = await open('c-2');
    await say(quick, token.channel, 'client');
    await say(quick, token.opA, 'operator');
  });
  afterAll(() => edge.stop());

  const keysAndCounts = (body: { groups: { key: string | null; count: number }[] }) => body.groups.map((g) => [g.key, g.count]);

  it('credits response intervals to the assignee by default, to the responder on request', async () => {
    const byAssignee = await read('/stats/response-times', token.supervisor, { groupBy: 'operator' });
    expect(byAssignee.status).toBe(200);
    expect(byAssignee.body.credit).toBe('assignee');
    // op-a held the handed-over dialog when the wait got its first assignee; op-a answered the quick one.
    expect(keysAndCounts(byAssignee.body)).toEqual([['op-a', 2]]);
    const byResponder = await read('/stats/response-times', token.auditor, { groupBy: 'operator', credit: 'responder' });
    expect(byResponder.body.credit).toBe('responder');
    expect(keysAndCounts(byResponder.body)).toEqual([
      ['op-a', 1],
      ['op-b', 1],
    ]);
    expect((await read('/stats/response-times', token.admin, { groupBy: 'day', operatorId: 'op-b' })).body.total).toBeNull();
    expect((await read('/stats/response-times', token.admin, { groupBy: 'day', operatorId: 'op-b', credit: 'responder' })).body.total).toMatchObject({
      count: 1,
    });
  });

  it('aggregates the first response per assignment by the operator assigned', async () => {
    const stats = await read('/stats/first-responses', token.supervisor, { groupBy: 'operator' });
    expect(stats.status).toBe(200);
    // op-a's period on the handed-over dialog ended unanswered; op-b answered theirs; op-a the quick one.
    expect(keysAndCounts(stats.body)).toEqual([
      ['op-a', 1],
      ['op-b', 1],
    ]);
    expect(stats.body.total).toMatchObject({
      count: 2,
      meanMs: expect.any(Number),
      medianMs: expect.any(Number),
      p90Ms: expect.any(Number),
      maxMs: expect.any(Number),
    });
    expect(keysAndCounts((await read('/stats/first-responses', token.auditor, { groupBy: 'line' })).body)).toEqual([['support', 2]]);
    expect((await read('/stats/first-responses', token.admin, { groupBy: 'day', operatorId: 'op-b', lineId: 'support' })).body.total).toMatchObject({
      count: 1,
    });
    expect((await read('/stats/first-responses', token.admin, { groupBy: 'day', to: '2000-01-01' })).body).toEqual({ groupBy: 'day', groups: [], total: null });
  });

  it('shows reassignment and reopen counts on the dialog, now and as of an instant, and sorts by them', async () => {
    expect((await read(`/dialogs/${handedOver}`, token.supervisor)).body).toMatchObject({ reassignmentCount: 1, reopenCount: 1 });
    expect((await read(`/dialogs/${quick}`, token.supervisor)).body).toMatchObject({ reassignmentCount: 0, reopenCount: 0 });
    const asOf = await read(`/dialogs/${handedOver}`, token.supervisor, { asOf: new Date(Date.now() + 60_000).toISOString() });
    expect(asOf.body).toMatchObject({ reassignmentCount: 1, reopenCount: 1 });
    for (const [order, first] of [
      ['desc', handedOver],
      ['asc', quick],
    ]) {
      const list = await read('/dialogs', token.supervisor, { sort: 'reassignmentCount', order });
      expect(list.body.items.map((item: { dialogId: string }) => item.dialogId)).toEqual(order === 'desc' ? [first, quick] : [first, handedOver]);
    }
    const byReopens = await read('/dialogs', token.supervisor, { sort: 'reopenCount', order: 'desc', limit: '1' });
    expect(byReopens.body.items.map((item: { dialogId: string }) => item.dialogId)).toEqual([handedOver]);
  });

  it('refuses an unknown credit or grouping, and readers without the role', async () => {
    expectFieldError(await read('/stats/response-times', token.supervisor, { groupBy: 'operator', credit: 'everyone' }), 'credit');
    expectFieldError(await read('/stats/first-responses', token.supervisor, {}), 'groupBy');
    expectFieldError(await read('/stats/first-responses', token.supervisor, { groupBy: 'week' }), 'groupBy');
    expectFieldError(await read('/stats/first-responses', token.supervisor, { groupBy: 'day', operatorId: '' }), 'operatorId');
    expectFieldError(await read('/stats/first-responses', token.supervisor, { groupBy: 'day', from: '2024-03-02', to: '2024-03-01' }), 'to');
    expectProblem(await read('/stats/first-responses', token.opA, { groupBy: 'day' }), 403, 'role_not_allowed');
  });
});
