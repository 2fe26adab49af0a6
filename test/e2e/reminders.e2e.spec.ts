import request from 'supertest';
import { eventually } from '@switchboard/testing';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { expectFieldError, expectProblem } from './support/problem';
import { bearer, tokenFor } from './support/tokens';
import { createSupportTeam } from './support/fresh-reads';

/** Reminders on dialogs over HTTP: set, listed to their owner alone, completed, cancelled; what is refused. */
describe('reminders API, end to end', () => {
  let edge: EdgeTestApp;
  const as = (role: Parameters<typeof tokenFor>[0], id: string) => ({ Authorization: bearer(tokenFor(role, id)) });
  const admin = as('admin', 'admin-1');
  const supervisor = as('supervisor', 'sup-1');
  const channel = as('service', 'telegram');
  const alice = as('operator', 'op-alice');
  const bob = as('operator', 'op-bob');
  const http = () => request(edge.app.getHttpServer());
  const later = (ms: number) => new Date(Date.now() + ms).toISOString();
  let position = '0';
  let aliceDialog = '';
  let bobsDialog = '';
  let closedDialog = '';

  const open = async (): Promise<string> => {
    const body = { direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' } };
    return (await http().post('/dialogs').set(channel).send(body).expect(201)).body.dialogId as string;
  };
  const setOn = (dialogId: string, body: object, auth = alice) => http().post(`/dialogs/${dialogId}/reminders`).set(auth).send(body);
  const remember = (response: request.Response) => {
    position = (response.body as { position: string }).position;
    return response;
  };
  const list = async (auth: Record<string, string>, query: Record<string, string> = {}) => {
    const response = await http()
      .get('/reminders')
      .query({ ...query, minPosition: position })
      .set(auth)
      .expect(200);
    expect(response.headers['x-read-model-stale']).toBeUndefined();
    return response.body.items as { reminderId: string; dialogId: string; note: string | null; status: string; dueAt: string }[];
  };

  beforeAll(async () => {
    edge = await startEdgeTestApp({ RATE_LIMIT_PER_SECOND: '0', REMINDER_SWEEP_MS: '50' });
    await createSupportTeam(http, admin);
    aliceDialog = await open();
    bobsDialog = await open();
    await http().put(`/dialogs/${bobsDialog}/assignee`).set(supervisor).send({ operatorId: 'op-bob' }).expect(200);
    closedDialog = await open();
    await http().post(`/dialogs/${closedDialog}/close`).set(supervisor).send({}).expect(200);
  });
  afterAll(() => edge.stop());

  it('sets reminders that only their owner lists, soonest first, and on one dialog', async () => {
    const set = remember(await setOn(aliceDialog, { dueAt: later(3_600_000), note: 'call back' }).expect(201));
    expect(set.body).toMatchObject({ streamId: expect.stringMatching(/^reminder-/), revision: '0', eventTypes: ['ReminderSet'] });
    remember(await setOn(bobsDialog, { dueAt: later(600_000) }, supervisor).expect(201));
    remember(await setOn(bobsDialog, { dueAt: later(60_000), note: 'bob’s own' }, bob).expect(201));

    expect((await list(alice)).map((r) => r.note)).toEqual(['call back']);
    expect((await list(alice))[0]).toMatchObject({ dialogId: aliceDialog, status: 'open' });
    expect((await list(bob)).map((r) => r.note)).toEqual(['bob’s own']);
    expect((await list(supervisor, { dialogId: bobsDialog })).map((r) => r.note)).toEqual([null]);
    expect(await list(supervisor, { dialogId: aliceDialog })).toEqual([]);
    expect(await list(alice, { due: 'true' })).toEqual([]);
  });

  it('lists a reminder as due once the projector recorded it due, after its instant', async () => {
    const dueAt = later(1_000);
    remember(await setOn(aliceDialog, { dueAt, note: 'soon' }).expect(201));
    expect(await list(alice, { due: 'true' })).toEqual([]);
    // "Due" is the recorded DialogReminderDue, within REMINDER_SWEEP_MS of the instant.
    await eventually(async () => (await list(alice, { due: 'true' })).length > 0, 'the reminder falls due');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect((await list(alice, { due: 'true' })).map((r) => r.note)).toEqual(['soon']);
    expect((await list(alice, { due: 'false' })).map((r) => r.note)).toEqual(['call back']);
  });

  it('is completed or cancelled by its owner once; anyone else is told it does not exist', async () => {
    const [first] = await list(alice, { dialogId: aliceDialog, due: 'false' });
    const done = remember(await http().post(`/reminders/${first.reminderId}/complete`).set(alice).send({}).expect(200));
    expect(done.body).toMatchObject({ revision: '1', eventTypes: ['ReminderCompleted'] });
    expectProblem(await http().post(`/reminders/${first.reminderId}/cancel`).set(alice).send({}), 409, 'reminder_finished');
    expect((await list(alice, { status: 'completed' })).map((r) => r.reminderId)).toEqual([first.reminderId]);

    const [bobs] = await list(bob);
    expectProblem(await http().post(`/reminders/${bobs.reminderId}/cancel`).set(alice).send({}), 404, 'reminder_not_found');
    expectProblem(await http().post(`/reminders/${bobs.reminderId}/complete`).set(admin).send({}), 404, 'reminder_not_found');
    remember(await http().post(`/reminders/${bobs.reminderId}/cancel`).set(bob).send({}).expect(200));
    expect(await list(bob)).toEqual([]);
  });

  it('keeps operators to their own dialogs, and refuses closed or missing dialogs', async () => {
    expectProblem(await setOn(bobsDialog, { dueAt: later(60_000) }), 403, 'access_denied');
    expectProblem(await setOn(closedDialog, { dueAt: later(60_000) }, supervisor), 409, 'reminder_dialog_closed');
    expectProblem(await setOn('00000000-0000-4000-8000-000000000000', { dueAt: later(60_000) }, supervisor), 404, 'dialog_not_found');
    for (const outsider of [as('auditor', 'aud-1'), channel]) {
      expectProblem(await setOn(aliceDialog, { dueAt: later(60_000) }, outsider), 403);
      expectProblem(await http().get('/reminders').set(outsider), 403);
    }
  });

  it.each([
    ['a missing dueAt', { note: 'x' }, 'dueAt'],
    ['a dueAt without an offset', { dueAt: '2999-01-01T10:00:00' }, 'dueAt'],
    ['a dueAt that is a number', { dueAt: 1 }, 'dueAt'],
    ['a note too long', { dueAt: '2999-01-01T10:00:00Z', note: 'n'.repeat(1001) }, 'note'],
    ['an id that is no UUID', { dueAt: '2999-01-01T10:00:00Z', reminderId: 'r-1' }, 'reminderId'],
    ['an unknown field', { dueAt: '2999-01-01T10:00:00Z', operatorId: 'op-bob' }, 'operatorId'],
  ])('refuses %s at the edge, naming the field', async (_case, body, field) => {
    expectFieldError(await setOn(aliceDialog, body), field);
  });

  it('refuses a past instant in the domain, naming the field, and bad ids and queries at the edge', async () => {
    const past = await setOn(aliceDialog, { dueAt: '2020-01-01T00:00:00Z' });
    expectProblem(past, 400, 'reminder_due_in_past');
    expectFieldError(past, 'dueAt');
    expectFieldError(await http().post('/reminders/r-1/complete').set(alice).send({}), 'id');
    expectFieldError(await http().post(`/reminders/${aliceDialog}/cancel`).set(alice).send({ why: 'x' }), 'why');
    expectFieldError(await http().get('/reminders').query({ due: 'maybe' }).set(alice), 'due');
    expectFieldError(await http().get('/reminders').query({ status: 'snoozed' }).set(alice), 'status');
    expectFieldError(await http().get('/reminders').query({ dialogId: 'd-1' }).set(alice), 'dialogId');
  });
});
