import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { EVENT_STORE, EventStore } from '@switchboard/event-store';
import { startEdgeTestApp, type EdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

type Method = 'post' | 'put' | 'delete';

interface KeyedRequest {
  readonly token: string;
  readonly method: Method;
  readonly path: string;
  readonly body?: object;
  /** The stream the command writes to, to count what it recorded. */
  readonly stream: string;
}

interface Answer {
  readonly status: number;
  readonly body: { revision?: string; position?: string | null; eventTypes?: string[]; duplicate?: boolean; dialogId?: string };
}

const COPIES = 5;

/**
 * Every command kind, sent as several concurrent copies with one Idempotency-Key and then
 * retried in sequence: every copy gets the first answer (revision, position, event types), all
 * but one say `duplicate: true`, and the events are recorded once.
 */
describe('idempotent retries of every command', () => {
  let edge: EdgeTestApp;
  let server: App;
  let store: EventStore;
  const token = {
    admin: tokenFor('admin', 'admin-1'),
    supervisor: tokenFor('supervisor', 'sup-1'),
    channel: tokenFor('service', 'mail-bridge'),
    op: tokenFor('operator', 'op-1'),
    op2: tokenFor('operator', 'op-2'),
  };
  const http = () => request(server);
  const as = (t: string) => ({ Authorization: bearer(t) });

  beforeAll(async () => {
    edge = await startEdgeTestApp({ RATE_LIMIT_PER_SECOND: '0' });
    server = edge.app.getHttpServer() as App;
    store = edge.app.get(EVENT_STORE);
    await http().post('/lines').set(as(token.admin)).send({ lineId: 'desk', name: 'Desk', routingMode: 'manual' }).expect(201);
    await http().post('/lines').set(as(token.admin)).send({ lineId: 'other', name: 'Other', routingMode: 'manual' }).expect(201);
    for (const id of ['op-1', 'op-2']) {
      await http()
        .post('/operators')
        .set(as(token.admin))
        .send({ operatorId: id, name: id, lineIds: ['desk', 'rr'] })
        .expect(201);
    }
    await http()
      .post('/lines')
      .set(as(token.admin))
      .send({ lineId: 'rr', name: 'Round robin', routingMode: 'round_robin', operatorIds: ['op-1', 'op-2'] })
      .expect(201);
  });
  afterAll(() => edge.stop());

  const send = (spec: KeyedRequest, key?: string) => {
    let call = http()[spec.method](spec.path).set(as(spec.token));
    if (key !== undefined) call = call.set('Idempotency-Key', key);
    return spec.body === undefined ? call : call.send(spec.body);
  };
  const open = async (lineId = 'desk'): Promise<string> =>
    (
      await http()
        .post('/dialogs')
        .set(as(token.channel))
        .send({ direction: 'inbound', channel: 'mail', lineId, client: { id: 'client-3', name: 'Lee' } })
        .expect(201)
    ).body.dialogId as string;
  const dialogStream = (id: string) => `dialog-${id}`;
  const assigned = async (operatorToken = token.op, operatorId = 'op-1'): Promise<string> => {
    const id = await open();
    await http().put(`/dialogs/${id}/assignee`).set(as(operatorToken)).send({ operatorId }).expect(200);
    return id;
  };
  const closed = async (awaitingRating = true): Promise<string> => {
    const id = await assigned();
    await http().post(`/dialogs/${id}/close`).set(as(token.op)).send({ awaitingRating }).expect(200);
    return id;
  };
  const dialogRequest = (id: string, t: string, method: Method, suffix: string, body?: object): KeyedRequest => ({
    token: t,
    method,
    path: `/dialogs/${id}${suffix}`,
    body,
    stream: dialogStream(id),
  });

  const commands: Record<string, () => Promise<KeyedRequest>> = {
    'open (manual line)': async () => ({
      token: token.channel,
      method: 'post',
      path: '/dialogs',
      body: { direction: 'inbound', channel: 'mail', lineId: 'desk', client: { id: 'client-4' } },
      stream: '',
    }),
    'open (round-robin line)': async () => ({
      token: token.channel,
      method: 'post',
      path: '/dialogs',
      body: { direction: 'inbound', channel: 'mail', lineId: 'rr', client: { id: 'client-5' } },
      stream: '',
    }),
    'client message': async () => dialogRequest(await open(), token.channel, 'post', '/messages', { author: 'client', text: 'hi' }),
    'operator reply': async () => dialogRequest(await open(), token.op, 'post', '/messages', { author: 'operator', text: 'hello' }),
    note: async () => dialogRequest(await assigned(), token.op, 'post', '/notes', { text: 'vip' }),
    assign: async () => dialogRequest(await open(), token.supervisor, 'put', '/assignee', { operatorId: 'op-2' }),
    take: async () => dialogRequest(await open(), token.op, 'post', '/take'),
    join: async () => dialogRequest(await assigned(token.supervisor, 'op-2'), token.supervisor, 'post', '/join'),
    leave: async () => {
      const id = await assigned(token.supervisor, 'op-2');
      await http().post(`/dialogs/${id}/join`).set(as(token.supervisor)).expect(200);
      return dialogRequest(id, token.supervisor, 'post', '/leave');
    },
    'transfer to operator': async () => dialogRequest(await assigned(), token.op, 'post', '/transfer', { operatorId: 'op-2' }),
    'transfer to line': async () => dialogRequest(await assigned(), token.op, 'post', '/transfer', { toLineId: 'other' }),
    'add tag': async () => dialogRequest(await assigned(), token.op, 'put', '/tags/urgent'),
    'remove tag': async () => {
      const id = await assigned();
      await http().put(`/dialogs/${id}/tags/urgent`).set(as(token.op)).expect(200);
      return dialogRequest(id, token.op, 'delete', '/tags/urgent');
    },
    pin: async () => dialogRequest(await assigned(), token.op, 'post', '/pin'),
    unpin: async () => {
      const id = await assigned();
      await http().post(`/dialogs/${id}/pin`).set(as(token.op)).expect(200);
      return dialogRequest(id, token.op, 'post', '/unpin');
    },
    'crm link': async () => dialogRequest(await assigned(), token.op, 'put', '/crm-link', { kind: 'order', id: 'o-1' }),
    close: async () => dialogRequest(await assigned(), token.op, 'post', '/close', {}),
    'close as spam': async () => dialogRequest(await assigned(), token.op, 'post', '/close', { asSpam: true }),
    reopen: async () => dialogRequest(await closed(false), token.supervisor, 'post', '/reopen'),
    rating: async () => dialogRequest(await closed(), token.channel, 'put', '/rating', { rating: 5 }),
    review: async () => dialogRequest(await closed(), token.supervisor, 'put', '/review', { score: 4, comment: 'fine' }),
    'register operator': async () => {
      const id = `op-${randomUUID().slice(0, 8)}`;
      return { token: token.admin, method: 'post', path: '/operators', body: { operatorId: id, name: id, lineIds: [] }, stream: `operator-${id}` };
    },
    'suspend operator': async () => {
      const id = `op-${randomUUID().slice(0, 8)}`;
      await http().post('/operators').set(as(token.admin)).send({ operatorId: id, name: id, lineIds: [] }).expect(201);
      return { token: token.admin, method: 'post', path: `/operators/${id}/suspend`, stream: `operator-${id}` };
    },
    'remove operator': async () => {
      const id = `op-${randomUUID().slice(0, 8)}`;
      await http().post('/operators').set(as(token.admin)).send({ operatorId: id, name: id, lineIds: [] }).expect(201);
      return { token: token.admin, method: 'delete', path: `/operators/${id}`, stream: `operator-${id}` };
    },
    'create line': async () => {
      const id = `line-${randomUUID().slice(0, 8)}`;
      return { token: token.admin, method: 'post', path: '/lines', body: { lineId: id, name: id, routingMode: 'manual' }, stream: `line-${id}` };
    },
  };

  it.each(Object.keys(commands))('%s: every copy gets the first answer, recorded once', async (name) => {
    const spec = await commands[name]();
    const key = `retry-${randomUUID()}`;
    const concurrent: Answer[] = await Promise.all(Array.from({ length: COPIES }, () => send(spec, key)));
    const sequential: Answer = await send(spec, key);
    const answers = [...concurrent, sequential];

    for (const answer of answers) expect(answer.status).toBe(concurrent[0].status);
    expect(concurrent[0].status).toBeLessThan(300);
    const { duplicate: _d, ...first } = concurrent.find((a) => a.body.duplicate === false)?.body ?? {};
    for (const answer of answers) {
      const { duplicate: _dup, ...rest } = answer.body;
      expect(rest).toEqual(first);
    }
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    expect(typeof first.position).toBe('string');

    const stream = spec.stream === '' ? dialogStream(String(first.dialogId)) : spec.stream;
    const keyed = (await store.readStream(stream)).filter((e) => (e.metadata as { idempotencyKey?: string }).idempotencyKey === key);
    expect(keyed.map((e) => e.type)).toEqual((first.eventTypes ?? []).filter((type) => keyedTypes(name).includes(type)));
  });

  it('records a keyed client message to a closed dialog in its follow-up, and says what it recorded', async () => {
    const closedId = await closed();
    const spec = dialogRequest(closedId, token.channel, 'post', '/messages', { author: 'client', text: 'are you there?' });
    const answers: Answer[] = await Promise.all(Array.from({ length: COPIES }, () => send(spec, 'demo-fu-1')));
    const again: Answer = await send(spec, 'demo-fu-1');
    const first = answers.find((a) => a.body.duplicate === false);
    expect(first?.status).toBe(201);
    expect(first?.body).toMatchObject({ followUpOf: closedId, eventTypes: ['DialogOpened', 'MessageSent'] });
    for (const answer of [...answers, again]) expect({ ...answer.body, duplicate: false }).toEqual(first?.body);
    const followUp = await store.readStream(dialogStream(String(first?.body.dialogId)));
    expect(followUp.map((e) => e.type)).toEqual(['DialogOpened', 'MessageSent']);
    expect(followUp[0].data).toMatchObject({ client: { id: 'client-3', name: 'Lee' }, previousDialogId: closedId });
    expect(followUp[1].data).toMatchObject({ text: 'are you there?' });
  });

  it('refuses a key reused for another request with 409, recording nothing', async () => {
    const id = await assigned();
    await send(dialogRequest(id, token.op, 'put', '/tags/a'), 'one-key').expect(200);
    const otherTag = await send(dialogRequest(id, token.op, 'put', '/tags/b'), 'one-key').expect(409);
    const otherCommand = await send(dialogRequest(id, token.op, 'post', '/pin'), 'one-key').expect(409);
    expect([otherTag.body.code, otherCommand.body.code]).toEqual(['idempotency_conflict', 'idempotency_conflict']);
    expect((await store.readStream(dialogStream(id))).map((e) => e.type)).toEqual(['DialogOpened', 'OperatorAssigned', 'TagAdded']);
  });
});

/** The events of a command recorded under the request's key: routing acts as the system, without it. */
function keyedTypes(name: string): string[] {
  return name === 'open (round-robin line)' ? ['DialogOpened'] : ALL;
}

const ALL = [
  'DialogOpened',
  'MessageSent',
  'NoteAdded',
  'OperatorAssigned',
  'OperatorUnassigned',
  'DialogTakenIntoWork',
  'ParticipantJoined',
  'ParticipantLeft',
  'DialogTransferredToLine',
  'TagAdded',
  'TagRemoved',
  'DialogPinned',
  'DialogUnpinned',
  'CrmLinkSet',
  'DialogClosed',
  'DialogClosedAsSpam',
  'DialogReopened',
  'ClientRatedDialog',
  'DialogReviewed',
  'OperatorRegistered',
  'OperatorSuspended',
  'OperatorRemoved',
  'LineCreated',
];
