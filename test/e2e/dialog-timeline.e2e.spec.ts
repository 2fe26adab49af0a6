import request from 'supertest';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, castTokens } from './support/tokens';

/** GET /dialogs/{id}/messages as the chat timeline a UI shows: messages with system entries between them. */
describe('dialog timeline, end to end', () => {
  let edge: EdgeTestApp;
  const token = castTokens();
  const http = () => request(edge.app.getHttpServer());
  const as = (t: string) => ({ Authorization: bearer(t) });
  let dialogId = '';
  let position = '';

  const command = async (test: request.Test, status = 200) => {
    const response = await test.expect(status);
    position = response.body.position as string;
  };
  const timeline = async (t: string) => {
    const response = await http().get(`/dialogs/${dialogId}/messages`).query({ minPosition: position, limit: '200' }).set(as(t)).expect(200);
    expect(response.headers['x-read-model-stale']).toBeUndefined();
    return response.body.items as Record<string, unknown>[];
  };

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    for (const lineId of ['support', 'sales']) {
      await command(http().post('/lines').set(as(token.admin)).send({ lineId, name: lineId, routingMode: 'manual' }), 201);
    }
    for (const operatorId of ['op-a', 'op-b']) {
      await command(
        http()
          .post('/operators')
          .set(as(token.admin))
          .send({ operatorId, name: operatorId, lineIds: ['support', 'sales'] }),
        201,
      );
    }
    const opened = await http()
      .post('/dialogs')
      .set(as(token.channel))
      .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-kim', name: 'Kim' } })
      .expect(201);
    dialogId = opened.body.dialogId;
    const post = (path: string, t: string, body: object = {}) => command(http().post(`/dialogs/${dialogId}/${path}`).set(as(t)).send(body));
    await command(http().post(`/dialogs/${dialogId}/messages`).set(as(token.channel)).send({ author: 'client', text: 'Hello' }), 201);
    await command(http().put(`/dialogs/${dialogId}/assignee`).set(as(token.supervisor)).send({ operatorId: 'op-a' }));
    await post('transfer', token.opA, { operatorId: 'op-b' });
    // op-a holds the dialog no more: a supervisor joins and leaves it.
    await post('join', token.supervisor);
    await post('leave', token.supervisor);
    await post('transfer', token.opB, { toLineId: 'sales' });
    await post('take', token.opA);
    await command(http().post(`/dialogs/${dialogId}/messages`).set(as(token.opA)).send({ author: 'operator', text: 'On it' }), 201);
    await post('close', token.opA);
    await post('reopen', token.supervisor);
    await post('close', token.supervisor, { asSpam: true });
  });
  afterAll(() => edge.stop());

  it('shows every assignment, transfer, take, join, leave, close and reopen between the messages, with who did it', async () => {
    const items = await timeline(token.supervisor);
    const system = (action: string, actor: [string, string], fields: Record<string, string | null> = {}) =>
      expect.objectContaining({ kind: 'system', action, actor: { kind: actor[0], id: actor[1] }, ...fields });
    const sup: [string, string] = ['supervisor', 'sup-1'];
    const opA: [string, string] = ['operator', 'op-a'];
    const opB: [string, string] = ['operator', 'op-b'];
    expect(items).toEqual([
      expect.objectContaining({ kind: 'message', text: 'Hello', author: { kind: 'client', id: 'c-kim' } }),
      system('assigned', sup, { operatorId: 'op-a', previousOperatorId: null, reason: 'manual' }),
      system('transferred_to_operator', opA, { operatorId: 'op-b', previousOperatorId: 'op-a' }),
      system('joined', sup, { operatorId: 'sup-1' }),
      system('left', sup, { operatorId: 'sup-1' }),
      system('unassigned', opB, { previousOperatorId: 'op-b', reason: 'transferred_to_line' }),
      system('transferred_to_line', opB, { fromLineId: 'support', toLineId: 'sales' }),
      system('taken_into_work', opA, { operatorId: 'op-a' }),
      expect.objectContaining({ kind: 'message', text: 'On it', author: { kind: 'operator', id: 'op-a' } }),
      system('closed', opA, { operatorId: 'op-a' }),
      system('reopened', sup, { operatorId: 'sup-1' }),
      system('closed_as_spam', sup, { operatorId: 'sup-1' }),
    ]);
    const entry = items[1];
    expect(Object.keys(entry).sort()).toEqual(
      ['action', 'actor', 'eventId', 'fromLineId', 'kind', 'occurredAt', 'operatorId', 'position', 'previousOperatorId', 'reason', 'toLineId'].sort(),
    );
  });

  it('keeps messages in their shape, and gives services the messages alone', async () => {
    expect((await timeline(token.channel)).map((item) => item.kind)).toEqual(['message', 'message']);
    const [message] = await timeline(token.auditor);
    expect(Object.keys(message).sort()).toEqual(['attachments', 'author', 'eventId', 'itemId', 'kind', 'occurredAt', 'position', 'text'].sort());
  });

  it('documents both kinds of item in the OpenAPI document', async () => {
    const document = (await http().get('/docs-json').expect(200)).body;
    const items = document.paths['/dialogs/{id}/messages'].get.responses['200'].content['application/json'].schema.properties.items.items;
    expect(items.oneOf.map((schema: { properties: { kind: { enum: string[] } } }) => schema.properties.kind.enum)).toEqual([['message', 'note'], ['system']]);
  });
});
