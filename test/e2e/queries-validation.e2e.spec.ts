import request from 'supertest';
import { expectFieldError, expectProblem } from './support/problem';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

/** Every read refuses a query string it does not understand with a 400 naming the field. */
describe('query API, invalid query strings and roles', () => {
  let edge: EdgeTestApp;
  const supervisor = tokenFor('supervisor', 'sup-1');
  const get = (path: string, query: Record<string, string> = {}, token = supervisor) =>
    request(edge.app.getHttpServer())
      .get(path)
      .query(query)
      .set({ Authorization: bearer(token) });
  const dialogId = '00000000-0000-4000-8000-000000000001';
  const cursorOf = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  beforeAll(async () => {
    edge = await startEdgeTestApp();
  });
  afterAll(() => edge.stop());

  it.each([
    ['/dialogs', { foo: '1' }, 'foo'],
    ['/dialogs', { status: 'open' }, 'status'],
    ['/dialogs', { status: 'closed,' }, 'status'],
    ['/dialogs', { detailedStatus: 'waiting' }, 'detailedStatus'],
    ['/dialogs', { operatorId: 'op 1' }, 'operatorId'],
    ['/dialogs', { tag: 'a/b' }, 'tag'],
    ['/dialogs', { unassigned: 'yes' }, 'unassigned'],
    ['/dialogs', { spam: '1' }, 'spam'],
    ['/dialogs', { q: '' }, 'q'],
    ['/dialogs', { q: 'x'.repeat(201) }, 'q'],
    ['/dialogs', { q: 'a\u0000b' }, 'q'],
    ['/dialogs', { q: '\u0000' }, 'q'],
    ['/dialogs', { limit: '0' }, 'limit'],
    ['/dialogs', { limit: '201' }, 'limit'],
    ['/dialogs', { limit: '2.5' }, 'limit'],
    ['/dialogs', { limit: 'ten' }, 'limit'],
    ['/dialogs', { createdFrom: 'yesterday' }, 'createdFrom'],
    ['/dialogs', { lastChangedTo: '2024-02-30' }, 'lastChangedTo'],
    ['/dialogs', { closedFrom: '2024-03-01T25:00:00Z' }, 'closedFrom'],
    ['/dialogs', { createdFrom: '2024-03-02', createdTo: '2024-03-01' }, 'createdTo'],
    ['/dialogs', { sort: 'search' }, 'sort'],
    ['/dialogs', { order: 'up' }, 'order'],
    ['/dialogs', { cursor: 'garbage!' }, 'cursor'],
    ['/dialogs', { cursor: cursorOf({ s: 'number', o: 'asc', v: '1', id: dialogId }) }, 'cursor'],
    ['/dialogs', { sort: 'createdAt', order: 'asc', cursor: cursorOf({ s: 'createdAt', o: 'asc', v: 'soon', id: dialogId }) }, 'cursor'],
    ['/dialogs', { minPosition: '-1' }, 'minPosition'],
    ['/dialogs', { minPosition: '99999999999999999999' }, 'minPosition'],
    ['/dialogs/not-a-uuid', {}, 'id'],
    [`/dialogs/${dialogId}`, { limit: '5' }, 'limit'],
    [`/dialogs/${dialogId}/messages`, { cursor: cursorOf({ p: 'x' }) }, 'cursor'],
    [`/dialogs/${dialogId}/history`, { limit: '1000' }, 'limit'],
    ['/audit/assignments', { dialogId: 'x' }, 'dialogId'],
    ['/audit/assignments', { from: 'monday' }, 'from'],
    ['/audit/assignments', { from: '2024-03-02', to: '2024-03-01' }, 'to'],
    ['/audit/assignments', { correlationId: 'a b' }, 'correlationId'],
    ['/audit/assignments', { order: 'asc', cursor: cursorOf({ o: 'desc', at: '2024-03-01 09:00:00+00', p: '1' }) }, 'cursor'],
    ['/stats/response-times', {}, 'groupBy'],
    ['/stats/response-times', { groupBy: 'week' }, 'groupBy'],
    ['/stats/response-times', { groupBy: 'day', lineId: '' }, 'lineId'],
    ['/operators/workload', { operatorId: 'op-a' }, 'operatorId'],
    ['/projections', { minPosition: 'latest' }, 'minPosition'],
  ])('GET %s %j is refused, naming %s', async (path, query, field) => {
    expectFieldError(await get(path, query), field);
  });

  it('accepts what it documents', async () => {
    const ok = {
      status: 'client_waiting,closed',
      unassigned: 'false',
      spam: 'false',
      q: 'order',
      limit: '200',
      sort: 'closedAt',
      order: 'asc',
      createdFrom: '2024-03-01',
      createdTo: '2024-03-01T12:00:00+01:00',
      tag: 'vip,late delivery',
      minPosition: '0',
    };
    expect((await get('/dialogs', ok)).body).toEqual({ items: [], nextCursor: null });
    expect((await get('/stats/response-times', { groupBy: 'day', from: '2024-03-01' })).status).toBe(200);
  });

  it('refuses roles that may not read', async () => {
    expectProblem(await get('/dialogs', {}, tokenFor('service', 'telegram')), 403, 'role_not_allowed');
    expectProblem(await get(`/dialogs/${dialogId}`, {}, tokenFor('service', 'telegram')), 403, 'role_not_allowed');
    expectProblem(await get('/projections', {}, tokenFor('operator', 'op-a')), 403, 'role_not_allowed');
    expectProblem(await request(edge.app.getHttpServer()).get('/dialogs'), 401);
  });

  it('answers 404 for a dialog that is not there', async () => {
    expectProblem(await get(`/dialogs/${dialogId}`), 404, 'dialog_not_found');
    expectProblem(await get(`/dialogs/${dialogId}/messages`, {}, tokenFor('service', 'telegram')), 404, 'dialog_not_found');
    expectProblem(await get(`/dialogs/${dialogId}/history`), 404, 'dialog_not_found');
  });
});
