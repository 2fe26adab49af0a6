import request from 'supertest';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { createSupportTeam, freshReads } from './support/fresh-reads';
import { expectFieldError, expectProblem } from './support/problem';
import { authAs as as } from './support/tokens';

/** DELETE /dialogs/{id} over HTTP: who may, what is refused, what every reader shows afterwards, and the client writing again. */
describe('deleting a dialog, end to end', () => {
  let edge: EdgeTestApp;
  const admin = as('admin', 'admin-1');
  const supervisor = as('supervisor', 'sup-1');
  const auditor = as('auditor', 'aud-1');
  const channel = as('service', 'telegram');
  const bob = as('operator', 'op-bob');
  const http = () => request(edge.app.getHttpServer());
  let doomed = '';
  let kept = '';

  const { remember, read } = freshReads(() => http());
  const open = async (client: string): Promise<string> => {
    const body = { direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: client, name: 'Kim' } };
    const id = remember(await http().post('/dialogs').set(channel).send(body).expect(201)).body.dialogId as string;
    remember(await http().post(`/dialogs/${id}/messages`).set(channel).send({ author: 'client', text: 'My parcel is lost' }).expect(201));
    remember(await http().put(`/dialogs/${id}/assignee`).set(supervisor).send({ operatorId: 'op-bob' }).expect(200));
    remember(await http().post(`/dialogs/${id}/messages`).set(bob).send({ author: 'operator', text: 'Looking into it' }).expect(201));
    return id;
  };
  const deletion = (id: string, body: object = { reason: 'Opened by a test script' }, auth = admin) => http().delete(`/dialogs/${id}`).set(auth).send(body);

  beforeAll(async () => {
    edge = await startEdgeTestApp({ RATE_LIMIT_PER_SECOND: '0' });
    await createSupportTeam(http, admin);
    doomed = await open('c-doomed');
    kept = await open('c-kept');
  });
  afterAll(() => edge.stop());

  it('is for admins alone', async () => {
    for (const [auth, code] of [
      [as('operator', 'op-bob'), 'role_not_allowed'],
      [supervisor, 'role_not_allowed'],
      [auditor, 'role_not_allowed'],
      [channel, 'role_not_allowed'],
    ] as const) {
      expectProblem(await deletion(doomed, undefined, auth), 403, code);
    }
    expectProblem(await http().delete(`/dialogs/${doomed}`).send({ reason: 'x' }), 401);
  });

  it.each([
    ['no reason', {}, 'reason'],
    ['a blank reason', { reason: '   ' }, 'reason'],
    ['a reason that is not text', { reason: 42 }, 'reason'],
    ['a reason too long', { reason: 'r'.repeat(1001) }, 'reason'],
    ['an unknown field', { reason: 'test', purge: true }, 'purge'],
  ])('refuses %s, naming the field', async (_case, body, field) => {
    expectFieldError(await deletion(doomed, body), field);
  });

  it('refuses an id that is no UUID, and answers 404 for a dialog that never was', async () => {
    expectFieldError(await deletion('d-1'), 'id');
    expectProblem(await deletion('00000000-0000-4000-8000-000000000000'), 404, 'dialog_not_found');
  });

  it('records who deleted the dialog and why, once per Idempotency-Key', async () => {
    const first = remember(await deletion(doomed).set('Idempotency-Key', 'delete-doomed').expect(200));
    expect(first.body).toMatchObject({ streamId: `dialog-${doomed}`, eventTypes: ['DialogDeleted'], duplicate: false });
    const retry = await deletion(doomed).set('Idempotency-Key', 'delete-doomed').expect(200);
    expect(retry.body).toEqual({ ...first.body, duplicate: true });
    const events = (await read(`/dialogs/${doomed}/events`, auditor).expect(200)).body.items as { type: string; data: object; metadata: object }[];
    expect(events.at(-1)).toMatchObject({
      type: 'DialogDeleted',
      data: { dialogId: doomed, deletedBy: 'admin-1', reason: 'Opened by a test script' },
      metadata: { actor: { kind: 'admin', id: 'admin-1' } },
    });
  });

  it('takes the dialog out of the list, its timeline, history, the workload and the statistics', async () => {
    const listed = (await read('/dialogs', supervisor).expect(200)).body.items as { dialogId: string }[];
    expect(listed.map((d) => d.dialogId)).toEqual([kept]);
    for (const path of [`/dialogs/${doomed}`, `/dialogs/${doomed}/messages`, `/dialogs/${doomed}/history`]) {
      expectProblem(await read(path, supervisor), 404);
    }
    expectProblem(await read(`/dialogs/${doomed}`, supervisor, { asOf: new Date().toISOString() }), 404);
    const workload = (await read('/operators/workload', supervisor).expect(200)).body.items as { operatorId: string; open: number }[];
    expect(workload).toEqual([expect.objectContaining({ operatorId: 'op-bob', open: 1 })]);
    const stats = (await read('/stats/response-times', supervisor, { groupBy: 'operator' }).expect(200)).body as { total: { count: number } };
    expect(stats.total.count).toBe(1);
  });

  it('keeps the assignment audit and, for those who read every dialog, its raw events', async () => {
    const audit = (await read('/audit/assignments', auditor, { dialogId: doomed }).expect(200)).body.items as { toOperatorId: string }[];
    expect(audit).toHaveLength(1);
    expect((await read(`/dialogs/${doomed}/events`, supervisor).expect(200)).body.items.length).toBeGreaterThan(3);
    // An operator sees raw events only of dialogs the list shows them.
    expectProblem(await read(`/dialogs/${doomed}/events`, bob), 404);
  });

  it('refuses every later command of staff as not found, naming the deletion', async () => {
    expectProblem(await deletion(doomed), 404, 'dialog_deleted');
    expectProblem(await http().post(`/dialogs/${doomed}/messages`).set(bob).send({ author: 'operator', text: 'Hello?' }), 404, 'dialog_deleted');
    expectProblem(await http().post(`/dialogs/${doomed}/close`).set(supervisor).send({}), 404, 'dialog_deleted');
    expectProblem(await http().post(`/dialogs/${doomed}/notes`).set(supervisor).send({ text: 'note' }), 404, 'dialog_deleted');
  });

  it('opens a new dialog when the client writes again on that channel, without pointing back to the deleted one', async () => {
    const again = remember(await http().post(`/dialogs/${doomed}/messages`).set(channel).send({ author: 'client', text: 'Hello again' }).expect(201));
    expect(again.body).toMatchObject({ followUpOf: doomed, eventTypes: ['DialogOpened', 'MessageSent'] });
    const fresh = again.body.dialogId as string;
    expect(fresh).not.toBe(doomed);
    const shown = (await read(`/dialogs/${fresh}`, supervisor).expect(200)).body;
    expect(shown).toMatchObject({
      clientId: 'c-doomed',
      clientName: 'Kim',
      channel: 'telegram',
      lineId: 'support',
      previousDialogId: null,
      generalStatus: 'client_waiting',
    });
    const listed = (await read('/dialogs', supervisor).expect(200)).body.items as { dialogId: string }[];
    expect(listed.map((d) => d.dialogId).sort()).toEqual([fresh, kept].sort());
  });
});
