import { connect, type AddressInfo } from 'node:net';
import request from 'supertest';
import type { App } from 'supertest/types';
import { closeRawAgent, sendRaw } from './fuzz/raw-http';
import { startEdgeTestApp, type EdgeTestApp } from './support/edge-app';
import { expectFieldError, expectProblem } from './support/problem';
import { bearer, tokenFor } from './support/tokens';

/**
 * Input refused at the edge before any parser or validator works on it (apps/api/src/hostile-input),
 * each with its status and a problem+json answer.
 */
describe('hostile input is refused early', () => {
  let edge: EdgeTestApp;
  let server: App;
  const admin = bearer(tokenFor('admin', 'admin-1'));
  const line = (lineId: string) => ({ lineId, name: 'Support', routingMode: 'manual' });
  const postLine = () => request(server).post('/lines').set('Authorization', admin);
  const json = (text: string) => postLine().set('Content-Type', 'application/json').send(text);

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    server = edge.app.getHttpServer();
  });
  afterAll(async () => {
    closeRawAgent();
    await edge.stop();
  });

  /** POST /lines with these exact bytes (superagent would serialize a Buffer as JSON). */
  async function postBytes(body: Buffer): Promise<{ status: number; problem: { code?: string; errors?: unknown } }> {
    const { port } = edge.app.getHttpServer().address() as AddressInfo;
    const response = await sendRaw(port, { method: 'POST', target: '/lines', headers: { authorization: admin, 'content-type': 'application/json' }, body });
    return { status: response.status, problem: JSON.parse(response.text) as { code?: string; errors?: unknown } };
  }

  /** Sends bytes on a socket and answers what came back: for requests no HTTP client would send. */
  function rawExchange(bytes: string): Promise<string> {
    const { port } = edge.app.getHttpServer().address() as AddressInfo;
    return new Promise((done, fail) => {
      let received = '';
      const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('end', () => done(received));
      socket.on('error', fail);
    });
  }

  describe('size: 413 for a body over 1 MiB, whatever its type', () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    it.each(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream'])('%s', async (type) => {
      expectProblem(await postLine().set('Content-Type', type).send(big), 413, 'payload_too_large');
    });

    it('also when the body comes in chunks, without a length', async () => {
      const response = await new Promise<string>((done) => {
        const chunked = postLine().set('Content-Type', 'application/json').set('Transfer-Encoding', 'chunked');
        chunked.write(`{"lineId":"${'x'.repeat(600_000)}`);
        chunked.write(`${'x'.repeat(600_000)}"}`);
        chunked.end((_error, response) => done(`${response.status} ${String(response.headers['content-type'])}`));
      });
      expect(response).toMatch(/^413 application\/problem\+json/);
    });
  });

  describe('type: 415 for a body that is not JSON', () => {
    it.each([
      ['text/plain', JSON.stringify(line('plain'))],
      ['application/x-www-form-urlencoded', 'lineId=form&name=Support&routingMode=manual'],
      ['application/json; charset=utf-16', JSON.stringify(line('utf16'))],
      ['multipart/form-data; boundary=x', '--x--'],
    ])('%s', async (type, body) => {
      const response = await postLine().set('Content-Type', type).send(body);
      expectFieldError(response, 'Content-Type', 415);
    });

    it('a body without Content-Type', async () => {
      const response = await postLine()
        .unset('Content-Type')
        .send(Buffer.from(JSON.stringify(line('untyped'))));
      expectFieldError(response, 'Content-Type', 415);
    });

    it('writes nothing for it: the same line as JSON is then created, not a duplicate', async () => {
      expectProblem(await postLine().type('form').send('lineId=form-then-json&name=Support&routingMode=manual'), 415);
      const created = await json(JSON.stringify(line('form-then-json')));
      expect({ status: created.status, duplicate: created.body.duplicate }).toEqual({ status: 201, duplicate: false });
    });

    it('accepts application/json with charset=utf-8, and requests without a body need no type', async () => {
      expect(
        (
          await postLine()
            .set('Content-Type', 'application/json; charset=UTF-8')
            .send(JSON.stringify(line('charset')))
        ).status,
      ).toBe(201);
      const noBody = await request(server).delete('/lines/charset').set('Authorization', admin);
      expect(noBody.status).toBe(200);
    });
  });

  describe('the JSON text, before it is parsed', () => {
    it('refuses invalid UTF-8 with 400 rather than reading U+FFFD', async () => {
      const body = Buffer.concat([Buffer.from('{"lineId":"utf8","name":"Sup'), Buffer.from([0xff, 0xfe]), Buffer.from('","routingMode":"manual"}')]);
      expect(await postBytes(body)).toEqual({
        status: 400,
        problem: expect.objectContaining({ code: 'malformed_json', errors: [{ field: 'body', reason: expect.stringMatching(/UTF-8/) }] }),
      });
    });

    it('refuses nesting past 16 levels from the text, naming where, whatever the size', async () => {
      const deep = await json('['.repeat(300_000) + ']'.repeat(300_000));
      expect(expectFieldError(deep, '0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0')[0]).toMatch(/16 levels/);
      const deepObject = await json(`{"name":${'{"a":'.repeat(20)}1${'}'.repeat(21)}`);
      expect(expectFieldError(deepObject, 'name.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a')[0]).toMatch(/16 levels/);
    });

    it('refuses a key given twice, which parsers read differently', async () => {
      const response = await json('{"lineId":"dup-a","lineId":"dup-b","name":"Support","routingMode":"manual"}');
      expect(expectFieldError(response, 'lineId')[0]).toMatch(/more than once/);
    });

    it.each(['__proto__', 'constructor', 'prototype'])('refuses the reserved key %s at any depth', async (key) => {
      expectFieldError(await json(`{"lineId":"proto","name":"Support","routingMode":"manual","${key}":{"admin":true}}`), key);
      expectFieldError(await json(`{"lineId":"proto","name":"Support","routingMode":"manual","operatorIds":[{"${key}":1}]}`), `operatorIds.0.${key}`);
    });

    it('refuses U+0000 and lone surrogates, which PostgreSQL cannot store (these were 500s)', async () => {
      const service = bearer(tokenFor('service', 'telegram'));
      const open = (client: string) =>
        request(server)
          .post('/dialogs')
          .set('Authorization', service)
          .set('Content-Type', 'application/json')
          .send(`{"direction":"inbound","channel":"telegram","lineId":"support","client":${client}}`);
      expect(expectFieldError(await open('{"id":"c-1","name":"Kim\\ud800"}'), 'client.name')[0]).toMatch(/surrogate/);
      expect(expectFieldError(await open('{"id":"c-1","name":"K\\u0000im"}'), 'client.name')[0]).toMatch(/U\+0000/);
    });

    it('accepts a leading byte order mark, as RFC 8259 allows', async () => {
      const response = await postBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(line('bom')))]));
      expect(response.status).toBe(201);
    });
  });

  describe('the request line and headers', () => {
    it('answers 414 for a URL over 8 KiB', async () => {
      const response = await request(server)
        .get(`/dialogs?q=${'a'.repeat(8_200)}`)
        .set('Authorization', admin);
      expectProblem(response, 414, 'uri_too_long');
    });

    it('answers 400 naming the query for more than 64 parameters', async () => {
      const query = Array.from({ length: 65 }, (_, at) => `tag=t${at}`).join('&');
      expect(expectFieldError(await request(server).get(`/dialogs?${query}`).set('Authorization', admin), 'query')[0]).toMatch(/64/);
    });

    it.each(['__proto__=1', 'constructor=x', '%5F%5Fproto%5F%5F=1', '__proto__[polluted]=1', 'prototype[a][b]=1'])(
      'answers 400 for the reserved query parameter in %s',
      async (parameter) => {
        const response = await request(server).get(`/dialogs?limit=5&${parameter}`).set('Authorization', admin);
        expect(response.status).toBe(400);
        expect(response.body.errors?.[0]?.field).toMatch(/^(__proto__|constructor|prototype)$/);
      },
    );

    it('answers 400 naming a parameter given twice where one value is expected', async () => {
      expectFieldError(await request(server).get('/dialogs?limit=1&limit=2').set('Authorization', admin), 'limit');
    });

    it('answers 431 as a problem when the request line and headers exceed 16 KiB (Node refuses them)', async () => {
      const answer = await rawExchange(`GET /health HTTP/1.1\r\nHost: x\r\nX-Junk: ${'a'.repeat(17_000)}\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 431 [^\r]*\r\nContent-Type: application\/problem\+json/);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 431, code: 'request_header_fields_too_large' });
    });

    it('answers 400 as a problem for a request Node cannot parse', async () => {
      const answer = await rawExchange('GET /health HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 [^\r]*\r\nContent-Type: application\/problem\+json/);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 'malformed_request' });
    });
  });
});
