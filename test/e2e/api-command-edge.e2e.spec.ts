import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  BulkChangeDialogsCommand,
  ChangeDialogCommand,
  ChangeLineCommand,
  ChangeOperatorCommand,
  ConcurrencyConflictError,
  OpenDialogCommand,
  PreconditionFailedError,
  type DialogCommandResult,
} from '@switchboard/dialog-commands';
import { DomainError } from '@switchboard/dialogs';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '@switchboard/event-store';
import { startEdgeTestAppWithBus, type EdgeTestApp } from './support/edge-app';
import { expectProblem } from './support/problem';
import { RecordingCommandBus } from './support/recording-command-bus';
import { bearer, tokenFor } from './support/tokens';

/**
 * The edge's side of the contract with the write side, with the CommandBus replaced by a
 * recorder: which command and context a request becomes, and how results and errors are
 * rendered. The handlers' own behaviour is tested with them.
 */
describe('API commands at the edge', () => {
  const bus = new RecordingCommandBus();
  let edge: EdgeTestApp;
  let server: App;
  const operator = bearer(tokenFor('operator', 'op-1'));
  const service = bearer(tokenFor('service', 'telegram-gateway'));
  const admin = bearer(tokenFor('admin', 'admin-1'));
  const dialogId = randomUUID();
  const result = (extra: Partial<DialogCommandResult> = {}): DialogCommandResult => ({
    dialogId,
    streamId: `dialog-${dialogId}`,
    revision: 5n,
    position: 9007199254740993n,
    eventTypes: ['MessagePosted'],
    duplicate: false,
    ...extra,
  });
  const post = (path: string, auth = operator) => request(server).post(path).set('Authorization', auth);

  beforeAll(async () => {
    edge = await startEdgeTestAppWithBus(bus);
    server = edge.app.getHttpServer();
  });
  afterAll(() => edge.stop());
  beforeEach(() => bus.respondWith(result()));

  describe('requests become commands', () => {
    it('sends an operator message with the context from authentication and headers', async () => {
      const response = await post(`/dialogs/${dialogId}/messages`)
        .set('X-Correlation-Id', 'corr-1')
        .set('Idempotency-Key', 'key-1')
        .set('If-Match', 'W/"4"')
        .send({ author: 'operator', text: 'Hello', attachments: [{ name: 'a.png', contentType: 'image/png', sizeBytes: 3 }] })
        .expect(201);
      const command = bus.last(ChangeDialogCommand);
      expect(command.command).toMatchObject({
        type: 'SendMessage',
        data: { dialogId, author: { kind: 'operator' }, text: 'Hello', attachments: [{ name: 'a.png', contentType: 'image/png', sizeBytes: 3 }] },
      });
      expect(command.context).toEqual({
        actor: { kind: 'operator', id: 'op-1' },
        correlationId: 'corr-1',
        idempotencyKey: 'key-1',
        expectedRevision: 4n,
      });
      expect(response.headers['x-correlation-id']).toBe('corr-1');
    });

    it('derives the message id from the Idempotency-Key, so a retry carries the same id', async () => {
      const send = (key: string) => post(`/dialogs/${dialogId}/messages`).set('Idempotency-Key', key).send({ author: 'operator', text: 'Hi' });
      const idOf = () => (bus.last(ChangeDialogCommand).command.data as { messageId: string }).messageId;
      await send('retry-me').expect(201);
      const first = idOf();
      await send('retry-me').expect(201);
      expect(idOf()).toBe(first);
      await send('another').expect(201);
      expect(idOf()).not.toBe(first);
      expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it("keeps a service's occurredAt and author for client and bot messages", async () => {
      await post(`/dialogs/${dialogId}/messages`, service)
        .send({ author: 'bot', botId: 'faq-bot', text: 'Hi', occurredAt: '2025-01-31T12:00:00.250+02:00' })
        .expect(201);
      const command = bus.last(ChangeDialogCommand);
      expect(command.command.data).toMatchObject({ author: { kind: 'bot', botId: 'faq-bot' } });
      expect(command.context.occurredAt).toEqual(new Date('2025-01-31T10:00:00.250Z'));
    });

    it('opens a dialog with 201 and a Location', async () => {
      const response = await post('/dialogs', service)
        .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Ada' }, formFilled: true })
        .expect(201);
      expect(response.headers.location).toBe(`/dialogs/${dialogId}`);
      expect(bus.last(OpenDialogCommand).data).toMatchObject({ direction: 'inbound', lineId: 'support', client: { id: 'c-1', name: 'Ada' } });
    });

    it.each([
      ['put', 'assignee', { operatorId: null }, { type: 'AssignOperator', operatorId: null }],
      ['post', 'pin', {}, { type: 'PinDialog', operatorId: 'op-1' }],
      ['post', 'close', { asSpam: true }, { type: 'ForceCloseAsSpam' }],
      ['post', 'close', { awaitingRating: true }, { type: 'CloseDialog', awaitingRating: true }],
      ['post', 'transfer', { operatorId: 'op-2' }, { type: 'TransferToOperator', operatorId: 'op-2' }],
      ['post', 'transfer', { toLineId: 'sales' }, { type: 'TransferToLine', toLineId: 'sales' }],
      ['put', 'tags/VIP%20client', undefined, { type: 'AddTag', tag: 'VIP client' }],
      ['delete', 'tags/vip', undefined, { type: 'RemoveTag', tag: 'vip' }],
      ['post', 'take', undefined, { type: 'TakeIntoWork' }],
    ] as const)('%s %s sends the domain command and answers 200', async (method, path, body, expected) => {
      await request(server)[method](`/dialogs/${dialogId}/${path}`).set('Authorization', operator).send(body).expect(200);
      const { type, ...data } = expected;
      expect(bus.last(ChangeDialogCommand).command).toEqual({ type, data: expect.objectContaining({ dialogId, ...data }) });
    });

    it('sends bulk actions as one command and answers each dialog', async () => {
      const ids = [randomUUID(), randomUUID()];
      bus.respondWith({
        results: [
          { dialogId: ids[0], ok: true, result: result({ dialogId: ids[0], eventTypes: ['DialogClosed'] }) },
          { dialogId: ids[1], ok: false, error: { status: 409, code: 'dialog_closed', message: 'closed' } },
        ],
      });
      const response = await post('/dialogs/bulk').send({ action: 'transfer', dialogIds: ids, toLineId: 'sales' }).expect(200);
      expect(bus.last(BulkChangeDialogsCommand).commands).toEqual(ids.map((id) => ({ type: 'TransferToLine', data: { dialogId: id, toLineId: 'sales' } })));
      expect(response.body).toEqual({
        results: [
          { dialogId: ids[0], ok: true, result: expect.objectContaining({ revision: '5', eventTypes: ['DialogClosed'] }) },
          { dialogId: ids[1], ok: false, error: { status: 409, code: 'dialog_closed', message: 'closed' } },
        ],
      });
    });

    it('sends operator and line administration', async () => {
      const registered = await post('/operators', admin).send({ operatorId: 'op-7', name: 'Grace' }).expect(201);
      expect(registered.headers.location).toBe('/operators/op-7');
      expect(bus.last(ChangeOperatorCommand).command).toMatchObject({ type: 'RegisterOperator', data: { operatorId: 'op-7', name: 'Grace', lineIds: [] } });
      await request(server).delete('/lines/sales').set('Authorization', admin).expect(200);
      expect(bus.last(ChangeLineCommand).command).toEqual({ type: 'DeleteLine', data: { lineId: 'sales' } });
    });
  });

  describe('results', () => {
    it('renders bigints as decimal strings, with the revision as ETag', async () => {
      const response = await post(`/dialogs/${dialogId}/notes`).send({ text: 'note' }).expect(201);
      expect(response.headers.etag).toBe('"5"');
      expect(response.body).toEqual({
        dialogId,
        streamId: `dialog-${dialogId}`,
        revision: '5',
        position: '9007199254740993',
        eventTypes: ['MessagePosted'],
        duplicate: false,
      });
    });

    it('renders position null when nothing was written', async () => {
      bus.respondWith(result({ position: null, eventTypes: [], duplicate: true }));
      const response = await post(`/dialogs/${dialogId}/take`).expect(200);
      expect(response.body).toMatchObject({ position: null, duplicate: true });
    });

    it('points at the follow-up dialog when a message to a closed dialog opened one', async () => {
      const followUp = randomUUID();
      bus.respondWith(result({ dialogId: followUp, followUpOf: dialogId }));
      const response = await post(`/dialogs/${dialogId}/messages`, service).send({ author: 'client', text: 'Again' }).expect(201);
      expect(response.headers.location).toBe(`/dialogs/${followUp}`);
      expect(response.body).toMatchObject({ dialogId: followUp, followUpOf: dialogId });
    });
  });

  describe('errors from the write side', () => {
    const closeWith = async (error: unknown) => {
      bus.failWith(error);
      return post(`/dialogs/${dialogId}/close`).send({});
    };

    it.each([
      ['invalid', 400],
      ['forbidden', 403],
      ['not_found', 404],
      ['conflict', 409],
      ['unprocessable', 422],
    ] as const)('maps a %s DomainError to %i with its code', async (kind, status) => {
      const problem = expectProblem(await closeWith(new DomainError('some_code', kind, 'Because', { dialogId })), status, 'some_code');
      expect(problem).toMatchObject({ detail: 'Because', details: { dialogId } });
    });

    it('maps concurrency conflicts to 409 and a failed If-Match to 412', async () => {
      expectProblem(await closeWith(new ConcurrencyConflictError(`dialog-${dialogId}`, 3)), 409, 'concurrency_conflict');
      expectProblem(await closeWith(new WrongExpectedRevisionError(`dialog-${dialogId}`, 1n, 2n)), 409, 'concurrency_conflict');
      expectProblem(await closeWith(new PreconditionFailedError(`dialog-${dialogId}`, 1n, 2n)), 412, 'precondition_failed');
    });

    it('maps an unreachable store or database to 503 with Retry-After: 1', async () => {
      const store = await closeWith(new EventStoreUnavailableError('down'));
      expectProblem(store, 503, 'service_unavailable');
      expect(store.headers['retry-after']).toBe('1');
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      expectProblem(await closeWith(refused), 503, 'service_unavailable');
      const shutdown = Object.assign(new Error('query failed'), { driverError: { code: '57P01' } });
      expectProblem(await closeWith(shutdown), 503, 'service_unavailable');
    });

    it('answers anything else with a generic 500 that leaks nothing', async () => {
      const response = await closeWith(new Error('secret internals: password=hunter2'));
      const problem = expectProblem(response, 500, 'internal_error');
      expect(JSON.stringify(problem)).not.toContain('hunter2');
    });
  });
});
