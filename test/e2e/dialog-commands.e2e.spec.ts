import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_STORE, EventStore, RecordedEvent } from '@switchboard/event-store';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

/** Every command endpoint over HTTP, against the real handlers and PostgreSQL. */
describe('dialog command API, end to end', () => {
  let edge: EdgeTestApp;
  let store: EventStore;
  const token = {
    admin: tokenFor('admin', 'admin-1'),
    supervisor: tokenFor('supervisor', 'sup-1'),
    channel: tokenFor('service', 'telegram'),
    opA: tokenFor('operator', 'op-a'),
    opB: tokenFor('operator', 'op-b'),
    opC: tokenFor('operator', 'op-c'),
  };
  const http = () => request(edge.app.getHttpServer());
  const as = (t: string) => ({ Authorization: bearer(t) });
  const eventsOf = (dialogId: string): Promise<RecordedEvent[]> => store.readStream(`dialog-${dialogId}`);
  const types = async (dialogId: string) => (await eventsOf(dialogId)).map((e) => e.type);

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    store = edge.app.get(EVENT_STORE);
    for (const [id, name] of [
      ['op-a', 'Ann'],
      ['op-b', 'Bob'],
      ['op-c', 'Cid'],
    ]) {
      await http()
        .post('/operators')
        .set(as(token.admin))
        .send({ operatorId: id, name, lineIds: ['support'] })
        .expect(201);
    }
    await http().post('/lines').set(as(token.admin)).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }).expect(201);
    await http().post('/lines').set(as(token.admin)).send({ lineId: 'sales', name: 'Sales', routingMode: 'manual' }).expect(201);
  });
  afterAll(() => edge.stop());

  const open = async (extra: object = {}) => {
    const response = await http()
      .post('/dialogs')
      .set(as(token.channel))
      .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Client' }, ...extra })
      .expect(201);
    return response.body.dialogId as string;
  };
  const clientSays = (dialogId: string, text: string) => http().post(`/dialogs/${dialogId}/messages`).set(as(token.channel)).send({ author: 'client', text });
  const operatorSays = (dialogId: string, t: string, text: string, seenRevision?: string) =>
    http().post(`/dialogs/${dialogId}/messages`).set(as(t)).send({ author: 'operator', text, seenRevision });

  it('answers a command with the stream revision and global position it wrote, and an ETag', async () => {
    const response = await http()
      .post('/dialogs')
      .set(as(token.channel))
      .send({ direction: 'outbound', channel: 'email', lineId: 'support', client: { id: 'c-9' }, pageUrl: 'https://shop.example/cart' })
      .expect(201);
    expect(response.body).toMatchObject({ revision: '0', eventTypes: ['DialogOpened'], duplicate: false });
    expect(BigInt(response.body.position)).toBeGreaterThan(0n);
    expect(response.headers.etag).toBe('"0"');
  });

  it('drives every dialog action through its endpoint', async () => {
    const id = await open();
    await clientSays(id, 'Where is my order?').expect(201);
    await http().post(`/dialogs/${id}/notes`).set(as(token.opA)).send({ text: 'VIP client' }).expect(201);
    await http().put(`/dialogs/${id}/assignee`).set(as(token.opA)).send({ operatorId: 'op-a' }).expect(200);
    await http().post(`/dialogs/${id}/take`).set(as(token.opA)).expect(200);
    await operatorSays(id, token.opA, 'Checking').expect(201);
    await http().put(`/dialogs/${id}/tags/delivery`).set(as(token.opA)).expect(200);
    await http().delete(`/dialogs/${id}/tags/delivery`).set(as(token.opA)).expect(200);
    await http().put(`/dialogs/${id}/crm-link`).set(as(token.opA)).send({ kind: 'order', id: 'ord-42' }).expect(200);
    await http().post(`/dialogs/${id}/pin`).set(as(token.opA)).expect(200);
    await http().post(`/dialogs/${id}/unpin`).set(as(token.opA)).expect(200);
    await http().post(`/dialogs/${id}/join`).set(as(token.supervisor)).expect(200);
    await http().post(`/dialogs/${id}/leave`).set(as(token.supervisor)).expect(200);
    await http().post(`/dialogs/${id}/transfer`).set(as(token.opA)).send({ operatorId: 'op-b' }).expect(200);
    await http().post(`/dialogs/${id}/transfer`).set(as(token.opB)).send({ toLineId: 'sales' }).expect(200);
    await http().put(`/dialogs/${id}/assignee`).set(as(token.supervisor)).send({ operatorId: null }).expect(200);
    await http().post(`/dialogs/${id}/close`).set(as(token.supervisor)).send({ awaitingRating: true }).expect(200);
    await http().put(`/dialogs/${id}/rating`).set(as(token.channel)).send({ rating: 5, comment: 'Thanks' }).expect(200);
    await http().put(`/dialogs/${id}/review`).set(as(token.supervisor)).send({ score: 4, comment: 'Good' }).expect(200);
    await http().post(`/dialogs/${id}/reopen`).set(as(token.supervisor)).expect(200);
    await http().post(`/dialogs/${id}/close`).set(as(token.supervisor)).send({ asSpam: true }).expect(200);
    expect(await types(id)).toEqual([
      'DialogOpened',
      'MessageSent',
      'NoteAdded',
      'OperatorAssigned',
      'DialogTakenIntoWork',
      'MessageSent',
      'TagAdded',
      'TagRemoved',
      'CrmLinkSet',
      'DialogPinned',
      'DialogUnpinned',
      'ParticipantJoined',
      'ParticipantLeft',
      'OperatorAssigned',
      'OperatorUnassigned',
      'DialogTransferredToLine',
      'DialogClosed',
      'ClientRatedDialog',
      'DialogReviewed',
      'DialogReopened',
      'DialogClosedAsSpam',
    ]);
  });

  it('lets exactly one of two operators racing to answer be assigned, with both replies recorded, every time', async () => {
    for (let round = 0; round < 20; round++) {
      const id = await open();
      // Both screens show the client's question; each reply names that revision.
      const seen = (await clientSays(id, 'anyone?').expect(201)).body.revision as string;
      const [a, b] = await Promise.all([operatorSays(id, token.opA, 'A here', seen), operatorSays(id, token.opB, 'B here', seen)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      const events = await eventsOf(id);
      const replies = events.filter((e) => e.type === 'MessageSent' && (e.data.author as { kind: string }).kind === 'operator');
      expect(replies.map((e) => e.data.text).sort()).toEqual(['A here', 'B here']);
      const assigned = events.filter((e) => e.type === 'OperatorAssigned');
      expect(assigned).toHaveLength(1);
      expect(assigned[0].metadata.actor).toEqual({ kind: 'operator', id: assigned[0].data.operatorId });
    }
  });

  it('records a retried request with the same Idempotency-Key once', async () => {
    const id = await open();
    const send = () =>
      http()
        .post(`/dialogs/${id}/messages`)
        .set({ ...as(token.channel), 'Idempotency-Key': 'msg-1' })
        .send({ author: 'client', text: 'once' });
    const first = await send().expect(201);
    const second = await send().expect(201);
    expect(second.body).toMatchObject({ duplicate: true, position: first.body.position });
    expect(await types(id)).toEqual(['DialogOpened', 'MessageSent']);
  });

  it('refuses operator replies to a closed dialog with 409, and moves a client message to a follow-up dialog', async () => {
    const id = await open();
    await http().post(`/dialogs/${id}/close`).set(as(token.supervisor)).send({}).expect(200);
    const refused = await operatorSays(id, token.opA, 'too late').expect(409);
    expect(refused.body.code).toBe('dialog_closed');
    await http().put(`/dialogs/${id}/assignee`).set(as(token.supervisor)).send({ operatorId: 'op-a' }).expect(409);
    const followUp = await clientSays(id, 'hello again').expect(201);
    expect(followUp.body.followUpOf).toBe(id);
    expect(followUp.headers.location).toBe(`/dialogs/${followUp.body.dialogId}`);
    expect(await types(followUp.body.dialogId)).toEqual(['DialogOpened', 'MessageSent']);
  });

  it('refuses an operator on another operator’s dialog with 403, and a service occurredAt going back with 422', async () => {
    const id = await open({ occurredAt: '2026-03-01T10:00:00.000Z' });
    await http().put(`/dialogs/${id}/assignee`).set(as(token.supervisor)).send({ operatorId: 'op-a' }).expect(200);
    // Access is decided on the stream as it stands: at once, another operator may not act on it.
    const denied = await http().put(`/dialogs/${id}/tags/mine`).set(as(token.opC)).expect(403);
    expect(denied.body.code).toBe('access_denied');
    const backwards = await http()
      .post(`/dialogs/${id}/messages`)
      .set(as(token.channel))
      .send({ author: 'client', text: 'old', occurredAt: '2026-03-01T09:00:00.000Z' })
      .expect(422);
    expect(backwards.body.code).toBe('occurred_at_before_last_event');
  });

  it('answers 412 when If-Match names a revision the dialog has left', async () => {
    const id = await open();
    await clientSays(id, 'moved on').expect(201);
    await http()
      .put(`/dialogs/${id}/tags/x`)
      .set({ ...as(token.supervisor), 'If-Match': '"0"' })
      .expect(412);
    await http()
      .put(`/dialogs/${id}/tags/x`)
      .set({ ...as(token.supervisor), 'If-Match': '"1"' })
      .expect(200);
  });

  it('answers bulk actions with a result per dialog', async () => {
    const [one, two] = [await open(), await open()];
    await http().post(`/dialogs/${two}/close`).set(as(token.supervisor)).send({}).expect(200);
    const response = await http()
      .post('/dialogs/bulk')
      .set(as(token.supervisor))
      .send({ action: 'close', dialogIds: [one, two, randomUUID()] })
      .expect(200);
    expect(response.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false]);
  });

  it('unassigns a removed operator’s open dialogs, each recording why', async () => {
    await http().post('/operators').set(as(token.admin)).send({ operatorId: 'op-gone', name: 'Gone' }).expect(201);
    const held = [await open(), await open()];
    for (const id of held) await http().put(`/dialogs/${id}/assignee`).set(as(token.supervisor)).send({ operatorId: 'op-gone' }).expect(200);
    await http().delete('/operators/op-gone').set(as(token.admin)).expect(200);
    for (const id of held) {
      const deadline = Date.now() + 10_000;
      while (!(await types(id)).includes('OperatorUnassigned')) {
        if (Date.now() > deadline) throw new Error('operator was not unassigned');
        await new Promise((r) => setTimeout(r, 25));
      }
      const unassigned = (await eventsOf(id)).find((e) => e.type === 'OperatorUnassigned');
      expect(unassigned?.data).toMatchObject({ previousOperatorId: 'op-gone', reason: 'operator_removed' });
    }
    await http().post('/operators/op-gone/reactivate').set(as(token.admin)).expect(409);
  });

  it('walks the source articles: a client writes, two operators race, a supervisor reassigns, a note, a transfer, a close, a rating', async () => {
    const id = await open();
    const seen = (await clientSays(id, 'My parcel is late').expect(201)).body.revision as string;
    await Promise.all([operatorSays(id, token.opA, 'Looking into it', seen), operatorSays(id, token.opB, 'On it', seen)]);
    await http().put(`/dialogs/${id}/assignee`).set(as(token.supervisor)).send({ operatorId: 'op-c' }).expect(200);
    await http().post(`/dialogs/${id}/notes`).set(as(token.opC)).send({ text: 'courier delayed' }).expect(201);
    await http().post(`/dialogs/${id}/transfer`).set(as(token.opC)).send({ toLineId: 'sales' }).expect(200);
    await http().post(`/dialogs/${id}/close`).set(as(token.supervisor)).send({ awaitingRating: true }).expect(200);
    await http().put(`/dialogs/${id}/rating`).set(as(token.channel)).send({ rating: 4 }).expect(200);

    const events = await eventsOf(id);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
    const who = events.map((e) => [e.type, (e.metadata.actor as { id: string }).id]);
    const first = who[2][1];
    const second = first === 'op-a' ? 'op-b' : 'op-a';
    expect(who).toEqual([
      ['DialogOpened', 'telegram'],
      ['MessageSent', 'telegram'],
      ['OperatorAssigned', first],
      ['MessageSent', first],
      ['ParticipantJoined', second],
      ['MessageSent', second],
      ['OperatorAssigned', 'sup-1'],
      ['NoteAdded', 'op-c'],
      ['OperatorUnassigned', 'op-c'],
      ['DialogTransferredToLine', 'op-c'],
      ['DialogClosed', 'sup-1'],
      ['ClientRatedDialog', 'telegram'],
    ]);
    expect(events[6].data).toMatchObject({ operatorId: 'op-c', previousOperatorId: first, reason: 'manual' });
  });
});
