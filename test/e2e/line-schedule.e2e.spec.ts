import request from 'supertest';
import { EVENT_STORE, EventStore } from '@switchboard/event-store';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { expectFieldError, expectProblem } from './support/problem';
import { bearer, tokenFor } from './support/tokens';

/** PUT and DELETE /lines/{id}/schedule over HTTP, against the real handlers and PostgreSQL. */
describe('line schedule API, end to end', () => {
  let edge: EdgeTestApp;
  let store: EventStore;
  const admin = { Authorization: bearer(tokenFor('admin', 'admin-1')) };
  const http = () => request(edge.app.getHttpServer());
  const nineToFive = [{ from: '09:00', to: '17:00' }];
  const office = { timeZone: 'Europe/Berlin', weekly: { mon: nineToFive, fri: [{ from: '09:00', to: '15:00' }] }, holidays: ['2024-12-25'] };
  const put = (lineId: string, body: unknown, auth = admin) =>
    http()
      .put(`/lines/${lineId}/schedule`)
      .set(auth)
      .send(body as object);

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    store = edge.app.get(EVENT_STORE);
    for (const lineId of ['support', 'sales', 'legacy']) {
      await http().post('/lines').set(admin).send({ lineId, name: lineId, routingMode: 'manual' }).expect(201);
    }
    await http().delete('/lines/legacy').set(admin).expect(200);
  });
  afterAll(() => edge.stop());

  it('records the whole schedule on the line stream, then nothing for the same hours, then the clear', async () => {
    const set = await put('support', office).expect(200);
    expect(set.body).toMatchObject({ streamId: 'line-support', revision: '1', eventTypes: ['LineScheduleSet'], duplicate: false });
    expect(set.headers.etag).toBe('"1"');

    const [, recorded] = await store.readStream('line-support');
    expect(recorded.type).toBe('LineScheduleSet');
    expect(recorded.data).toMatchObject({
      lineId: 'support',
      timeZone: 'Europe/Berlin',
      weekly: { mon: nineToFive, tue: [], wed: [], thu: [], fri: [{ from: '09:00', to: '15:00' }], sat: [], sun: [] },
      holidays: ['2024-12-25'],
    });
    expect(recorded.metadata).toMatchObject({ actor: { kind: 'admin', id: 'admin-1' }, commandType: 'SetLineSchedule', schemaVersion: 1 });

    expect((await put('support', office).expect(200)).body).toMatchObject({ revision: '1', eventTypes: [] });

    const cleared = await http().delete('/lines/support/schedule').set(admin).expect(200);
    expect(cleared.body).toMatchObject({ revision: '2', eventTypes: ['LineScheduleCleared'] });
    expect((await http().delete('/lines/support/schedule').set(admin).expect(200)).body).toMatchObject({ revision: '2', eventTypes: [] });
  });

  it('honours If-Match', async () => {
    const response = await put('sales', office).set('If-Match', '"7"');
    expectProblem(response, 412, 'precondition_failed');
  });

  it.each([
    ['an unknown zone', { ...office, timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a zone that is not a string', { ...office, timeZone: 1 }, 'timeZone'],
    ['a missing week', { timeZone: 'UTC' }, 'weekly'],
    ['a week that is a list', { ...office, weekly: [nineToFive] }, 'weekly'],
    ['a day that is no weekday', { ...office, weekly: { thur: nineToFive } }, 'weekly.thur'],
    ['an hour past 23', { ...office, weekly: { mon: [{ from: '25:00', to: '26:00' }] } }, 'weekly.mon.0.from'],
    ['24:00 as a start', { ...office, weekly: { mon: [{ from: '24:00', to: '24:00' }] } }, 'weekly.mon.0.from'],
    ['a span without an end', { ...office, weekly: { tue: [{ from: '09:00' }] } }, 'weekly.tue.0.to'],
    ['an unknown span field', { ...office, weekly: { tue: [{ from: '09:00', to: '10:00', until: '11:00' }] } }, 'weekly.tue.0.until'],
    ['too many spans', { ...office, weekly: { wed: Array.from({ length: 25 }, () => nineToFive[0]) } }, 'weekly.wed'],
    ['a holiday in another format', { ...office, holidays: ['25.12.2024'] }, 'holidays'],
  ])('refuses %s at the edge, naming the field', async (_case, body, field) => {
    expectFieldError(await put('sales', body), field);
  });

  it.each([
    [
      'overlapping spans',
      {
        ...office,
        weekly: {
          mon: [
            { from: '09:00', to: '13:00' },
            { from: '12:00', to: '17:00' },
          ],
        },
      },
      'schedule_spans_overlap',
      'weekly.mon',
    ],
    ['an overnight span in one day', { ...office, weekly: { fri: [{ from: '22:00', to: '06:00' }] } }, 'schedule_span_empty', 'weekly.fri.0'],
    ['a holiday that does not exist', { ...office, holidays: ['2024-12-24', '2023-02-29'] }, 'schedule_holiday_invalid', 'holidays.1'],
    ['a week without an open hour', { ...office, weekly: {} }, 'schedule_never_open', 'weekly'],
  ])('refuses %s in the domain with its code and field', async (_case, body, code, field) => {
    const response = await put('sales', body);
    expectProblem(response, 400, code);
    expectFieldError(response, field);
  });

  it('refuses an unknown line with 404 and a deleted one with 409', async () => {
    expectProblem(await put('nowhere', office), 404, 'line_not_found');
    expectProblem(await put('legacy', office), 409, 'line_deleted');
    expectProblem(await http().delete('/lines/legacy/schedule').set(admin), 409, 'line_deleted');
  });

  it.each(['supervisor', 'operator', 'auditor', 'service'] as const)('refuses a %s', async (role) => {
    const auth = { Authorization: bearer(tokenFor(role, `${role}-1`)) };
    expectProblem(await put('sales', office, auth), 403);
    expectProblem(await http().delete('/lines/sales/schedule').set(auth), 403);
  });
});
