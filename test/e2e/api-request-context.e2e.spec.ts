import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startEdgeTestApp, type EdgeTestApp } from './support/edge-app';
import { expectFieldError, expectProblem } from './support/problem';
import { bearer, tokenFor } from './support/tokens';

/** Headers and body fields that become the RequestContext: refused before any command is sent. */
describe('API request context', () => {
  let edge: EdgeTestApp;
  let server: App;
  const operator = bearer(tokenFor('operator', 'op-1'));
  const service = bearer(tokenFor('service', 'telegram-gateway'));
  const dialog = `/dialogs/${randomUUID()}`;
  const openBody = { direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1' } };
  const post = (path: string, auth = operator) => request(server).post(path).set('Authorization', auth);

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    server = edge.app.getHttpServer();
  });
  afterAll(() => edge.stop());

  describe('X-Correlation-Id', () => {
    it('is echoed on every answer, errors included', async () => {
      const onValidation = await post(`${dialog}/notes`).set('X-Correlation-Id', 'trace-1:abc.DEF_2').send({});
      expectProblem(onValidation, 400);
      expect(onValidation.headers['x-correlation-id']).toBe('trace-1:abc.DEF_2');
      const onAuth = await request(server).post(`${dialog}/close`).set('X-Correlation-Id', 'trace-2').send({});
      expectProblem(onAuth, 401);
      expect(onAuth.headers['x-correlation-id']).toBe('trace-2');
      const onJson = await post(`${dialog}/notes`).set('X-Correlation-Id', 'trace-3').set('Content-Type', 'application/json').send('{');
      expectProblem(onJson, 400, 'malformed_json');
      expect(onJson.headers['x-correlation-id']).toBe('trace-3');
      const onHealth = await request(server).get('/health').set('X-Correlation-Id', 'trace-4');
      expect(onHealth.headers['x-correlation-id']).toBe('trace-4');
    });

    it('is a new UUID when absent', async () => {
      const response = await request(server).get('/health');
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });

    it.each([['x'.repeat(129)], ['has space'], ['semi;colon'], ['caf\u00e9']])('refuses %p with 400 and answers with a fresh id', async (id) => {
      const response = await post(`${dialog}/close`).set('X-Correlation-Id', id).send({});
      expectFieldError(response, 'X-Correlation-Id');
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('If-Match', () => {
    it.each([['abc'], ['"5'], ['"-1"'], ['*'], ['"1", "2"'], ['"99999999999999999999"']])('refuses %p with 400', async (value) => {
      expectFieldError(await post(`${dialog}/close`).set('If-Match', value).send({}), 'If-Match');
    });

    it('is refused where no single existing stream is changed', async () => {
      expectFieldError(await post('/dialogs', service).set('If-Match', '"3"').send(openBody), 'If-Match');
      expectFieldError(
        await post('/dialogs/bulk')
          .set('If-Match', '"3"')
          .send({ action: 'close', dialogIds: [randomUUID()] }),
        'If-Match',
      );
    });
  });

  describe('Idempotency-Key', () => {
    it.each([['k'.repeat(201)], ['tab\there']])('refuses %p with 400', async (key) => {
      expectFieldError(await post(`${dialog}/notes`).set('Idempotency-Key', key).send({ text: 'note' }), 'Idempotency-Key');
    });
  });

  describe('occurredAt', () => {
    it('is refused with 403 naming the field when an operator opens a dialog with it', async () => {
      const response = await post('/dialogs').send({ ...openBody, direction: 'outbound', occurredAt: '2025-01-31T12:00:00Z' });
      const problem = expectProblem(response, 403, 'occurred_at_not_allowed');
      expect(problem.errors).toEqual([{ field: 'occurredAt', reason: expect.stringContaining('service') }]);
    });

    it('is refused with 403 when an operator posts a message with it', async () => {
      const response = await post(`${dialog}/messages`).send({ author: 'operator', text: 'Hi', occurredAt: '2025-01-31T12:00:00Z' });
      expectProblem(response, 403, 'occurred_at_not_allowed');
    });

    it('is refused with 403 even from a service on routes that do not take it', async () => {
      const response = await request(server).put(`${dialog}/rating`).set('Authorization', service).send({ rating: 5, occurredAt: '2025-01-31T12:00:00Z' });
      expectProblem(response, 403, 'occurred_at_not_allowed');
    });

    it.each([['yesterday'], ['2025-01-31'], ['2025-13-01T00:00:00Z'], [1738324800000]])(
      'must be an ISO 8601 date-time with an offset, even from a service: %p',
      async (occurredAt) => {
        const response = await post(`${dialog}/messages`, service).send({ author: 'client', text: 'Hi', occurredAt });
        expectFieldError(response, 'occurredAt');
      },
    );
  });
});
