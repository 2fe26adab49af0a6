import request from 'supertest';
import { expectFieldError } from './support/problem';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * Business-hours values over HTTP. The line opens only on the weekday three days from now (UTC),
 * so everything this spec does happens while it is closed: every business-hours value is 0
 * while the calendar ones are not, whenever the spec runs.
 */
describe('business hours in the dialog and stats API, end to end', () => {
  let edge: EdgeTestApp;
  const token = {
    admin: tokenFor('admin', 'admin-1'),
    supervisor: tokenFor('supervisor', 'sup-1'),
    channel: tokenFor('service', 'telegram'),
    opA: tokenFor('operator', 'op-a'),
  };
  const http = () => request(edge.app.getHttpServer());
  const as = (t: string) => ({ Authorization: bearer(t) });
  let position = '';
  let dialogId = '';

  const command = async (test: request.Test, status: number) => {
    const response = await test.expect(status);
    if (response.body.position !== null) position = response.body.position as string;
    return response;
  };
  const read = (path: string, query: Record<string, string> = {}) =>
    http()
      .get(path)
      .query({ ...query, minPosition: position })
      .set(as(token.supervisor));

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    await command(http().post('/lines').set(as(token.admin)).send({ lineId: 'night', name: 'Night', routingMode: 'manual' }), 201);
    await command(
      http()
        .post('/operators')
        .set(as(token.admin))
        .send({ operatorId: 'op-a', name: 'Ann', lineIds: ['night'] }),
      201,
    );
    const openDay = weekdays[(new Date().getUTCDay() + 3) % 7];
    await command(
      http()
        .put('/lines/night/schedule')
        .set(as(token.admin))
        .send({ timeZone: 'Etc/UTC', weekly: { [openDay]: [{ from: '09:00', to: '17:00' }] } }),
      200,
    );
    const opened = await command(
      http()
        .post('/dialogs')
        .set(as(token.channel))
        .send({ direction: 'inbound', channel: 'telegram', lineId: 'night', client: { id: 'c-1', name: 'Kim' } }),
      201,
    );
    dialogId = opened.body.dialogId as string;
    await command(http().post(`/dialogs/${dialogId}/messages`).set(as(token.channel)).send({ author: 'client', text: 'Anyone there?' }), 201);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await command(http().post(`/dialogs/${dialogId}/messages`).set(as(token.opA)).send({ author: 'operator', text: 'Yes.' }), 201);
  });
  afterAll(() => edge.stop());

  it('answers each timing with its business-hours value beside it', async () => {
    const { body } = await read(`/dialogs/${dialogId}`).expect(200);
    expect(body.waitForFirstReplyMs).toBeGreaterThanOrEqual(20);
    expect(body).toMatchObject({
      waitForFirstReplyBusinessMs: 0,
      firstMessageResponseBusinessMs: 0,
      durationBusinessMs: 0,
      totalResponseBusinessMs: 0,
      averageResponseBusinessMs: 0,
      maxResponseBusinessMs: 0,
      timeToStartOfWorkBusinessMs: null,
      timeToCloseByOperatorBusinessMs: null,
      botTimeBusinessMs: null,
    });
    const asOf = await read(`/dialogs/${dialogId}`, { asOf: new Date(Date.now() + 60_000).toISOString() }).expect(200);
    expect(asOf.body).toEqual(body);
  });

  it('lists and sorts by the business-hours values', async () => {
    const { body } = await read('/dialogs', { sort: 'waitForFirstReplyBusinessMs', order: 'asc' }).expect(200);
    expect(body.items).toEqual([expect.objectContaining({ dialogId, waitForFirstReplyBusinessMs: 0 })]);
  });

  it('aggregates response times on the calendar by default, in business hours with clock=business', async () => {
    const calendar = await read('/stats/response-times', { groupBy: 'line' }).expect(200);
    expect(calendar.body).toMatchObject({ groupBy: 'line', clock: 'calendar', groups: [{ key: 'night', count: 1 }] });
    expect(calendar.body.total.maxMs).toBeGreaterThanOrEqual(20);
    const business = await read('/stats/response-times', { groupBy: 'line', clock: 'business' }).expect(200);
    const zero = { count: 1, meanMs: 0, medianMs: 0, p90Ms: 0, maxMs: 0 };
    expect(business.body).toEqual({ groupBy: 'line', credit: 'assignee', clock: 'business', groups: [{ key: 'night', ...zero }], total: zero });
    // The credit picks the operator, the clock the duration: they combine.
    const byResponder = await read('/stats/response-times', { groupBy: 'operator', credit: 'responder', clock: 'business' }).expect(200);
    expect(byResponder.body).toMatchObject({ credit: 'responder', clock: 'business', groups: [{ key: 'op-a', ...zero }] });
  });

  it('refuses an unknown clock or sort, naming the field', async () => {
    expectFieldError(await read('/stats/response-times', { groupBy: 'line', clock: 'wall' }), 'clock');
    expectFieldError(await read('/dialogs', { sort: 'waitForFirstReplyBusinessHours' }), 'sort');
  });
});
