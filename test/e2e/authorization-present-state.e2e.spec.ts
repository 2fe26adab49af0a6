import request from 'supertest';
import type { App } from 'supertest/types';
import { EVENT_STORE, EventStore } from '@switchboard/event-store';
import { startEdgeTestApp, type EdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

/**
 * The cases the authorisation matrix cannot show with one request per cell: access decided on
 * the dialog as it stands when the command is decided, operators who are removed, suspended or
 * were never registered, the first-reply race with and without the revision the screen showed,
 * and one rule for who can be an assignee.
 */
describe('authorisation on the present state', () => {
  let edge: EdgeTestApp;
  let server: App;
  let store: EventStore;
  const token = {
    admin: tokenFor('admin', 'admin-1'),
    supervisor: tokenFor('supervisor', 'sup-1'),
    channel: tokenFor('service', 'web-widget'),
    op: (id: string) => tokenFor('operator', id),
  };
  const http = () => request(server);
  const as = (t: string) => ({ Authorization: bearer(t) });

  beforeAll(async () => {
    edge = await startEdgeTestApp({ RATE_LIMIT_PER_SECOND: '0' });
    server = edge.app.getHttpServer() as App;
    store = edge.app.get(EVENT_STORE);
    await http().post('/lines').set(as(token.admin)).send({ lineId: 'desk', name: 'Desk', routingMode: 'manual' }).expect(201);
    await http().post('/lines').set(as(token.admin)).send({ lineId: 'queue', name: 'Queue', routingMode: 'manual' }).expect(201);
    for (const id of ['op-1', 'op-2', 'op-3', 'op-4', 'op-5', 'op-6']) {
      await http()
        .post('/operators')
        .set(as(token.admin))
        .send({ operatorId: id, name: id, lineIds: ['desk'] })
        .expect(201);
    }
  });
  afterAll(() => edge.stop());

  const open = async (): Promise<string> => {
    const response = await http()
      .post('/dialogs')
      .set(as(token.channel))
      .send({ direction: 'inbound', channel: 'web', lineId: 'desk', client: { id: 'client-7', name: 'Kim' } })
      .expect(201);
    return response.body.dialogId as string;
  };
  const assign = (dialogId: string, operatorId: string | null) =>
    http().put(`/dialogs/${dialogId}/assignee`).set(as(token.supervisor)).send({ operatorId }).expect(200);
  const clientSays = async (dialogId: string): Promise<string> =>
    (await http().post(`/dialogs/${dialogId}/messages`).set(as(token.channel)).send({ author: 'client', text: 'hello?' }).expect(201)).body.revision as string;
  const reply = (dialogId: string, operatorId: string, seenRevision?: string) =>
    http()
      .post(`/dialogs/${dialogId}/messages`)
      .set(as(token.op(operatorId)))
      .send({ author: 'operator', text: `from ${operatorId}`, ...(seenRevision !== undefined ? { seenRevision } : {}) });
  const typesOf = async (dialogId: string) => (await store.readStream(`dialog-${dialogId}`)).map((e) => e.type);

  describe('a reassignment a moment before decides', () => {
    it('refuses the previous assignee taking the dialog back and closing it', async () => {
      const dialogId = await open();
      await assign(dialogId, 'op-4');
      await assign(dialogId, 'op-3');
      const back = await http()
        .post(`/dialogs/${dialogId}/transfer`)
        .set(as(token.op('op-4')))
        .send({ operatorId: 'op-4' });
      const close = await http()
        .post(`/dialogs/${dialogId}/close`)
        .set(as(token.op('op-4')))
        .send({});
      expect([back.status, close.status]).toEqual([403, 403]);
      expect(await typesOf(dialogId)).toEqual(['DialogOpened', 'OperatorAssigned', 'OperatorAssigned']);
    });

    it('names the new assignee to a reply written on the screen from before the reassignment', async () => {
      const dialogId = await open();
      await assign(dialogId, 'op-4');
      const seen = await clientSays(dialogId);
      await assign(dialogId, 'op-3');
      const late = await reply(dialogId, 'op-4', seen).expect(409);
      expect(late.body).toMatchObject({ code: 'dialog_claimed', details: { assigneeId: 'op-3' } });
    });

    it('lets anyone answer a dialog just transferred to a line’s queue', async () => {
      const dialogId = await open();
      await assign(dialogId, 'op-2');
      await http()
        .post(`/dialogs/${dialogId}/transfer`)
        .set(as(token.op('op-2')))
        .send({ toLineId: 'queue' })
        .expect(200);
      const answered = await reply(dialogId, 'op-3').expect(201);
      expect(answered.body.eventTypes).toEqual(['OperatorAssigned', 'MessageSent']);
    });
  });

  describe('the first-reply race', () => {
    it('records both replies when each names the revision its screen showed; one operator is assigned', async () => {
      const dialogId = await open();
      const seen = await clientSays(dialogId);
      const [a, b] = await Promise.all([reply(dialogId, 'op-1', seen), reply(dialogId, 'op-2', seen)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      const events = await store.readStream(`dialog-${dialogId}`);
      expect(events.filter((e) => e.type === 'MessageSent')).toHaveLength(3);
      expect(events.filter((e) => e.type === 'OperatorAssigned')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'ParticipantJoined')).toHaveLength(1);
    });

    it('refuses the loser of the race without a seen revision: nothing shows what their screen showed', async () => {
      const dialogId = await open();
      await clientSays(dialogId);
      await reply(dialogId, 'op-1').expect(201);
      const late = await reply(dialogId, 'op-2').expect(403);
      expect(late.body.code).toBe('access_denied');
    });

    it('refuses a seen revision when more than the race happened since (a client message)', async () => {
      const dialogId = await open();
      const seen = await clientSays(dialogId);
      await reply(dialogId, 'op-1', seen).expect(201);
      await clientSays(dialogId);
      const late = await reply(dialogId, 'op-2', seen).expect(409);
      expect(late.body).toMatchObject({ code: 'dialog_claimed', details: { assigneeId: 'op-1' } });
    });

    it('refuses a seen revision the dialog has not reached, naming the field', async () => {
      const dialogId = await open();
      await assign(dialogId, 'op-1');
      const ahead = await reply(dialogId, 'op-2', '99').expect(400);
      expect(ahead.body.errors).toEqual([expect.objectContaining({ field: 'seenRevision' })]);
    });
  });

  describe('operators act only while registered', () => {
    it('refuses every action of a removed operator, whose token is still valid', async () => {
      const unassigned = await open();
      const own = await open();
      await assign(own, 'op-5');
      await http().delete('/operators/op-5').set(as(token.admin)).expect(200);
      const attempts = [
        http()
          .post(`/dialogs/${own}/notes`)
          .set(as(token.op('op-5')))
          .send({ text: 'still here' }),
        http()
          .post(`/dialogs/${unassigned}/transfer`)
          .set(as(token.op('op-5')))
          .send({ toLineId: 'queue' }),
        http()
          .post(`/dialogs/${unassigned}/close`)
          .set(as(token.op('op-5')))
          .send({ asSpam: true }),
        http()
          .put(`/dialogs/${unassigned}/tags/vip`)
          .set(as(token.op('op-5'))),
        reply(unassigned, 'op-5'),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('operator_removed');
      }
      expect(await typesOf(unassigned)).toEqual(['DialogOpened']);
    });

    it('refuses an operator token for an id that was never registered', async () => {
      const dialogId = await open();
      const tagged = await http()
        .put(`/dialogs/${dialogId}/tags/vip`)
        .set(as(token.op('op-99')))
        .expect(403);
      expect(tagged.body.code).toBe('operator_not_registered');
      await http()
        .post('/dialogs')
        .set(as(token.op('op-99')))
        .send({ direction: 'outbound', channel: 'email', lineId: 'desk', client: { id: 'c-2' } })
        .expect(403);
    });

    it('lets a suspended operator write notes on their dialog but not reply', async () => {
      const dialogId = await open();
      await assign(dialogId, 'op-6');
      await http().post('/operators/op-6/suspend').set(as(token.admin)).expect(200);
      await http()
        .post(`/dialogs/${dialogId}/notes`)
        .set(as(token.op('op-6')))
        .send({ text: 'handing over' })
        .expect(201);
      const refused = await reply(dialogId, 'op-6').expect(409);
      expect(refused.body.code).toBe('operator_suspended');
      await http().post('/operators/op-6/reactivate').set(as(token.admin)).expect(200);
    });
  });

  describe('one rule for assignees: registered, active operators', () => {
    it('keeps a dialog unassigned when a supervisor without an operator registration answers it', async () => {
      const dialogId = await open();
      const answered = await http().post(`/dialogs/${dialogId}/messages`).set(as(token.supervisor)).send({ author: 'operator', text: 'On it' });
      expect(answered.status).toBe(201);
      expect(answered.body.eventTypes).toEqual(['ParticipantJoined', 'MessageSent']);
      expect(await typesOf(dialogId)).not.toContain('OperatorAssigned');
    });

    it('refuses assigning an admin or letting a supervisor take a dialog, alike', async () => {
      const dialogId = await open();
      const toAdmin = await http().put(`/dialogs/${dialogId}/assignee`).set(as(token.supervisor)).send({ operatorId: 'admin-1' }).expect(409);
      const take = await http().post(`/dialogs/${dialogId}/take`).set(as(token.supervisor)).expect(409);
      expect([toAdmin.body.code, take.body.code]).toEqual(['operator_not_available', 'operator_not_available']);
    });
  });

  it('refuses the assignee leaving a dialog instead of answering 200 with nothing done', async () => {
    const dialogId = await open();
    await assign(dialogId, 'op-1');
    const left = await http()
      .post(`/dialogs/${dialogId}/leave`)
      .set(as(token.op('op-1')))
      .expect(409);
    expect(left.body.code).toBe('assignee_cannot_leave');
    const stranger = await http().post(`/dialogs/${dialogId}/leave`).set(as(token.supervisor)).expect(409);
    expect(stranger.body.code).toBe('not_a_participant');
  });
});
