import request from 'supertest';
import { expectFieldError, expectProblem } from './support/problem';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, castTokens } from './support/tokens';

/**
 * Time travel over HTTP: GET /dialogs/{id}?asOf=. The channel dates the opening and the client's
 * message in the past (services may); the operator's reply happens now.
 */
describe('GET /dialogs/{id}?asOf, end to end', () => {
  let edge: EdgeTestApp;
  const token = castTokens();
  const opened = Date.parse('2024-05-01T10:00:00.000Z');
  const minutes = (n: number) => new Date(opened + n * 60_000).toISOString();
  const http = () => request(edge.app.getHttpServer());
  const as = (t: string) => ({ Authorization: bearer(t) });
  let dialogId = '';
  let position = '';

  const command = async (test: request.Test, status: number) => {
    const response = await test.expect(status);
    position = response.body.position as string;
    return response;
  };
  const read = (t: string, query: Record<string, string> = {}, id = dialogId) =>
    http()
      .get(`/dialogs/${id}`)
      .query({ minPosition: position, ...query })
      .set(as(t));

  beforeAll(async () => {
    edge = await startEdgeTestApp();
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
    const open = await command(
      http()
        .post('/dialogs')
        .set(as(token.channel))
        .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' }, occurredAt: minutes(0) }),
      201,
    );
    dialogId = open.body.dialogId as string;
    await command(
      http()
        .post(`/dialogs/${dialogId}/messages`)
        .set(as(token.channel))
        .send({ author: 'client', text: 'Hello?', occurredAt: minutes(1) }),
      201,
    );
    await command(http().post(`/dialogs/${dialogId}/messages`).set(as(token.opA)).send({ author: 'operator', text: 'Hi!' }), 201);
  });
  afterAll(() => edge.stop());

  it('answers the dialog as it stood at the instant, in the shape of GET /dialogs/{id}', async () => {
    const now = (await read(token.auditor).expect(200)).body;
    const justOpened = await read(token.auditor, { asOf: minutes(0.5) }).expect(200);
    expect(Object.keys(justOpened.body).sort()).toEqual(Object.keys(now).sort());
    expect(justOpened.body).toMatchObject({
      dialogId,
      number: now.number,
      detailedStatus: 'new',
      journalStatus: 'unassigned',
      assigneeId: null,
      createdAt: minutes(0),
      lastMessageAt: null,
      waitingSince: null,
      responseCount: 0,
    });
    const waiting = await read(token.auditor, { asOf: minutes(2) }).expect(200);
    expect(waiting.body).toMatchObject({
      generalStatus: 'client_waiting',
      assigneeId: null,
      waitingSince: minutes(1),
      firstOperatorReplyAt: null,
      waitForFirstReplyMs: null,
      totalResponseMs: null,
      responseCount: 0,
    });
    // The day of the opening, as a date: its UTC midnight, before the dialog existed.
    expectProblem(await read(token.auditor, { asOf: '2024-05-01' }), 404, 'dialog_not_opened_yet');
  });

  it('answers exactly GET /dialogs/{id} for now and for any later instant', async () => {
    const now = (await read(token.auditor).expect(200)).body;
    expect(now).toMatchObject({ assigneeId: 'op-a', responseCount: 1 });
    expect((await read(token.auditor, { asOf: new Date().toISOString() }).expect(200)).body).toEqual(now);
    expect((await read(token.auditor, { asOf: '2999-12-31T23:59:59Z' }).expect(200)).body).toEqual(now);
  });

  it('answers 404 with a clear problem before the dialog was opened', async () => {
    const problem = expectProblem(await read(token.auditor, { asOf: '2024-05-01T09:59:59.999Z' }), 404, 'dialog_not_opened_yet');
    expect(problem.detail).toBe(`The dialog ${dialogId} did not exist yet at 2024-05-01T09:59:59.999Z; it was opened at ${minutes(0)}`);
  });

  it('refuses an asOf that is not an ISO 8601 instant, naming the field', async () => {
    for (const asOf of ['yesterday', '2024-02-30', '2024-05-01T10:00:00', '2024-05-01T24:00:00Z', '']) {
      expectFieldError(await read(token.auditor, { asOf }), 'asOf');
    }
  });

  it('shows an operator only the dialogs GET /dialogs/{id} shows them now', async () => {
    expect((await read(token.opA, { asOf: minutes(0.5) }).expect(200)).body).toMatchObject({ dialogId, assigneeId: null });
    // Unassigned at 10:00:30 (any operator could have answered), but op-a's now.
    expectProblem(await read(token.opB, { asOf: minutes(0.5) }), 404, 'dialog_not_found');
    expectProblem(await read(token.opB), 404, 'dialog_not_found');
    expectProblem(await read(token.channel, { asOf: minutes(0.5) }), 403);
  });

  it('answers 404 for a dialog that does not exist, whatever the instant', async () => {
    expectProblem(await read(token.auditor, { asOf: minutes(5) }, '00000000-0000-4000-8000-000000000999'), 404, 'dialog_not_found');
  });
});
