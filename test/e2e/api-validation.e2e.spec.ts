import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startEdgeTestApp, type EdgeTestApp } from './support/edge-app';
import { expectFieldError, expectProblem } from './support/problem';
import { bearer, tokenFor } from './support/tokens';

/**
 * Bad input is refused at the edge with a 4xx naming the field, before any command is sent:
 * these pass without the command handlers, and none of them may ever answer 5xx.
 */
describe('API input validation', () => {
  let edge: EdgeTestApp;
  let server: App;
  const operator = bearer(tokenFor('operator', 'op-1'));
  const service = bearer(tokenFor('service', 'telegram-gateway'));
  const admin = bearer(tokenFor('admin', 'admin-1'));
  const dialog = `/dialogs/${randomUUID()}`;
  const post = (path: string, auth = operator) => request(server).post(path).set('Authorization', auth);
  const put = (path: string, auth = operator) => request(server).put(path).set('Authorization', auth);
  const message = (extra: Record<string, unknown> = {}) => ({ author: 'operator', text: 'Hello', ...extra });
  const attachment = (extra: Record<string, unknown> = {}) => ({ name: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10, ...extra });
  const openBody = { direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1' } };

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    server = edge.app.getHttpServer();
  });
  afterAll(() => edge.stop());

  describe('the body as a whole', () => {
    it('answers 400 malformed_json for broken JSON', async () => {
      const response = await post(`${dialog}/messages`).set('Content-Type', 'application/json').send('{"author": "operator", "text": ');
      expect(expectProblem(response, 400, 'malformed_json').errors).toEqual([{ field: 'body', reason: expect.stringMatching(/^is not valid JSON/) }]);
    });

    it('answers 413 for a body over 1 MB', async () => {
      const response = await post(`${dialog}/messages`).send(message({ text: 'x'.repeat(1_100_000) }));
      expectProblem(response, 413, 'payload_too_large');
    });

    it('reads bodies above the default 100 kB, up to 1 MB, and validates them', async () => {
      const reasons = expectFieldError(await post(`${dialog}/messages`).send(message({ text: 'x'.repeat(300_000) })), 'text');
      expect(reasons.join(' ')).toMatch(/10000/);
    });

    it('refuses a JSON array where an object is expected', async () => {
      expectFieldError(await post(`${dialog}/messages`).send([message()]), 'body');
    });

    it('refuses unknown fields, naming them', async () => {
      const reasons = expectFieldError(await post(`${dialog}/messages`).send(message({ priority: 'high' })), 'priority');
      expect(reasons[0]).toMatch(/should not exist/);
    });

    it('refuses any field on actions without a body', async () => {
      expectFieldError(await post(`${dialog}/take`).send({ force: true }), 'force');
    });
  });

  describe('fields', () => {
    it('refuses wrong types', async () => {
      const response = await post(`${dialog}/messages`).send({ author: 'operator', text: 123 });
      expectFieldError(response, 'text');
    });

    it('refuses text over 10,000 characters', async () => {
      expectFieldError(await post(`${dialog}/messages`).send(message({ text: 'x'.repeat(10_001) })), 'text');
    });

    it('refuses an empty note and a note over 10,000 characters', async () => {
      expectFieldError(await post(`${dialog}/notes`).send({ text: '' }), 'text');
      expectFieldError(await post(`${dialog}/notes`).send({ text: 'x'.repeat(10_001) }), 'text');
    });

    it('refuses an attachment over 2 MiB, naming the nested field and the limit', async () => {
      const body = message({ attachments: [attachment(), attachment({ sizeBytes: 2 * 1024 * 1024 + 1 })] });
      const reasons = expectFieldError(await post(`${dialog}/messages`).send(body), 'attachments.1.sizeBytes');
      expect(reasons.join(' ')).toMatch(/2097152/);
    });

    it('accepts an attachment of exactly 2 MiB as far as validation goes', async () => {
      const body = message({ attachments: [attachment({ sizeBytes: 2 * 1024 * 1024 })], extra: 1 });
      const problem = expectProblem(await post(`${dialog}/messages`).send(body), 400);
      expect(problem.errors?.map((error) => error.field)).toEqual(['extra']);
    });

    it('refuses more than 20 attachments, and malformed ones', async () => {
      const many = Array.from({ length: 21 }, () => attachment());
      expectFieldError(await post(`${dialog}/messages`).send(message({ attachments: many })), 'attachments');
      const broken = [attachment({ contentType: 'pdf', sizeBytes: 1.5, url: 'ftp://files.example.com/a' })];
      const response = await post(`${dialog}/messages`).send(message({ attachments: broken }));
      for (const field of ['attachments.0.contentType', 'attachments.0.sizeBytes', 'attachments.0.url']) expectFieldError(response, field);
    });

    it('refuses a bad dialog id in the path, naming id', async () => {
      const reasons = expectFieldError(await post('/dialogs/not-a-uuid/messages').send(message()), 'id');
      expect(reasons).toEqual(['id must be a UUID']);
    });

    it('refuses a bad operator id in the path and in the body', async () => {
      expectFieldError(await post('/operators/-bad!/suspend', admin).send({}), 'id');
      expectFieldError(await post('/operators', admin).send({ operatorId: 'x'.repeat(65), name: 'Ada' }), 'operatorId');
      expectFieldError(await put(`${dialog}/assignee`).send({ operatorId: 'op 1' }), 'operatorId');
    });

    it('refuses a bad line id and routing mode', async () => {
      const response = await post('/lines', admin).send({ lineId: 'sales/eu', name: 'Sales', routingMode: 'random' });
      expectFieldError(response, 'lineId');
      expectFieldError(response, 'routingMode');
      expectFieldError(await request(server).delete('/lines/%20').set('Authorization', admin), 'id');
    });

    it('requires operatorId on the assignee, where null (unassign) is a value but absence is not', async () => {
      expectFieldError(await put(`${dialog}/assignee`).send({}), 'operatorId');
    });

    it('refuses a tag outside 1-64 letters, digits, spaces, "_", "." and "-"', async () => {
      expectFieldError(await put(`${dialog}/tags/${'t'.repeat(65)}`).send(), 'tag');
      expectFieldError(await put(`${dialog}/tags/${encodeURIComponent('vip<script>')}`).send(), 'tag');
    });

    it('refuses ratings and scores that are not whole numbers from 1 to 5', async () => {
      expectFieldError(await put(`${dialog}/rating`, service).send({ rating: 6 }), 'rating');
      expectFieldError(await put(`${dialog}/rating`, service).send({ rating: 4.5 }), 'rating');
      expectFieldError(await put(`${dialog}/rating`, service).send({ rating: '5' }), 'rating');
      // Reviews are supervisors' and admins': the edge refuses an operator before reading the body.
      expectFieldError(await put(`${dialog}/review`, admin).send({ score: 0, comment: 'ok' }), 'score');
      expectFieldError(await put(`${dialog}/review`, admin).send({ score: 3, comment: 'x'.repeat(2_001) }), 'comment');
    });

    it('refuses a CRM link of another kind or with a non-http URL', async () => {
      const response = await put(`${dialog}/crm-link`).send({ kind: 'ticket', id: '1', url: 'javascript:alert(1)' });
      expectFieldError(response, 'kind');
      expectFieldError(response, 'url');
    });

    it('checks the nested client and the page URL when opening a dialog', async () => {
      const response = await post('/dialogs', service).send({ ...openBody, client: { name: 'x'.repeat(201) }, pageUrl: 'x'.repeat(3000) });
      expectFieldError(response, 'client.id');
      expectFieldError(response, 'client.name');
      expectFieldError(response, 'pageUrl');
    });
  });

  describe('the first failing rule of a field speaks, alone', () => {
    const reasonsOf = async (response: request.Response) => expectProblem(response, 400, 'validation_failed').errors;

    it('says a required field is missing, not that it is too long', async () => {
      expect(await reasonsOf(await put(`${dialog}/review`, bearer(tokenFor('supervisor', 'sup-1'))).send({ score: 4 }))).toEqual([
        { field: 'comment', reason: 'comment is required' },
      ]);
    });

    it('says a value is of the wrong kind, not out of range', async () => {
      expect(await reasonsOf(await put(`${dialog}/rating`, service).send({ rating: 'five' }))).toEqual([
        { field: 'rating', reason: 'rating must be an integer number' },
      ]);
      expect(await reasonsOf(await put(`${dialog}/rating`, service).send({ rating: 5, comment: 42 }))).toEqual([
        { field: 'comment', reason: 'comment must be a string' },
      ]);
    });

    it('says what is out of range once the kind is right', async () => {
      expect(await reasonsOf(await put(`${dialog}/rating`, service).send({ rating: 6 }))).toEqual([
        { field: 'rating', reason: 'rating must not be greater than 5' },
      ]);
    });

    it('names a missing field inside a nested object by its path', async () => {
      expect(await reasonsOf(await post('/dialogs', service).send({ ...openBody, client: {} }))).toEqual([{ field: 'client.id', reason: 'id is required' }]);
    });
  });

  describe('either-or rules', () => {
    it('transfers to a line or to an operator, never both or neither', async () => {
      expectFieldError(await post(`${dialog}/transfer`).send({}), 'toLineId');
      expectFieldError(await post(`${dialog}/transfer`).send({ toLineId: 'sales', operatorId: 'op-2' }), 'toLineId');
    });

    it('refuses awaitingRating together with asSpam', async () => {
      expectFieldError(await post(`${dialog}/close`).send({ asSpam: true, awaitingRating: true }), 'awaitingRating');
    });

    it('requires botId for a bot message and refuses it for other authors', async () => {
      expectFieldError(await post(`${dialog}/messages`, service).send({ author: 'bot', text: 'Hi' }), 'botId');
      expectFieldError(await post(`${dialog}/messages`, service).send({ author: 'client', botId: 'faq', text: 'Hi' }), 'botId');
    });

    it('checks bulk requests: 1-100 unique UUIDs, and a target only for transfers', async () => {
      const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
      expectFieldError(await post('/dialogs/bulk').send({ action: 'close', dialogIds: [] }), 'dialogIds');
      expectFieldError(await post('/dialogs/bulk').send({ action: 'close', dialogIds: ids(101) }), 'dialogIds');
      const twice = randomUUID();
      expectFieldError(await post('/dialogs/bulk').send({ action: 'close', dialogIds: [twice, twice] }), 'dialogIds');
      expectFieldError(await post('/dialogs/bulk').send({ action: 'close', dialogIds: ['nope'] }), 'dialogIds');
      expectFieldError(await post('/dialogs/bulk').send({ action: 'archive', dialogIds: ids(1) }), 'action');
      expectFieldError(await post('/dialogs/bulk').send({ action: 'transfer', dialogIds: ids(1) }), 'toLineId');
      expectFieldError(await post('/dialogs/bulk').send({ action: 'close', dialogIds: ids(1), operatorId: 'op-2' }), 'operatorId');
    });
  });

  describe('odd requests', () => {
    it.each([
      ['a broken percent-encoding in the path', () => post('/dialogs/%E0%A4%A/close').send({})],
      ['a text/plain body', () => post(`${dialog}/notes`).set('Content-Type', 'text/plain').send('just text')],
      ['a form body', () => post(`${dialog}/notes`).type('form').send('text=hi')],
      ['a JSON string body', () => post(`${dialog}/notes`).set('Content-Type', 'application/json').send('"hi"')],
      ['a JSON null body', () => post(`${dialog}/notes`).set('Content-Type', 'application/json').send('null')],
      ['a gzip body that is not gzip', () => post(`${dialog}/notes`).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{}')],
      ['an unsupported charset', () => post(`${dialog}/notes`).set('Content-Type', 'application/json; charset=klingon').send('{}')],
      ['a prototype-polluting body', () => post(`${dialog}/notes`).set('Content-Type', 'application/json').send('{"text":"x","__proto__":{"admin":true}}')],
      [
        'deeply nested JSON',
        () =>
          post(`${dialog}/notes`)
            .set('Content-Type', 'application/json')
            .send(`${'['.repeat(5000)}${']'.repeat(5000)}`),
      ],
      [
        'a deeply nested object inside a field',
        () =>
          post(`${dialog}/messages`)
            .set('Content-Type', 'application/json')
            .send(`{"author":"operator","text":"x","attachments":[${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}]}`),
      ],
      ['a method the route does not have', () => request(server).patch(`${dialog}/close`).set('Authorization', operator).send({})],
    ])('answers %s with a 4xx problem', async (_case, send) => {
      const response = await send();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('who may author a message', () => {
    it('refuses an operator posting as the client, with 403 naming author', async () => {
      const response = await post(`${dialog}/messages`).send({ author: 'client', text: 'Hi' });
      const problem = expectProblem(response, 403, 'author_not_allowed');
      expect(problem.errors?.[0].field).toBe('author');
    });

    it('refuses a service posting as an operator', async () => {
      expectProblem(await post(`${dialog}/messages`, service).send({ author: 'operator', text: 'Hi' }), 403, 'author_not_allowed');
    });
  });
});
