import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failureOf, isDelivered, sendWebhook } from './http-sender';
import { signedRequestOf } from './signed-request';

/** The sender against real sockets on 127.0.0.1: the address guard, the deadline, redirects. */
describe('webhook HTTP sender', () => {
  let server: Server;
  let port: number;
  let hits = 0;
  let answer: (respond: (status: number, headers?: Record<string, string>) => void) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      req.resume();
      answer((status, headers = {}) => res.writeHead(status, headers).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    hits = 0;
    answer = (respond) => respond(204);
  });

  const signed = signedRequestOf({ id: 'e-1', type: 'DialogOpened' }, '{"id":"e-1"}', 'secret-secret-secret', new Date());
  const options = { timeoutMs: 300, allowPrivateUrls: true };

  it('delivers on 2xx when private addresses are allowed', async () => {
    const outcome = await sendWebhook(new URL(`http://127.0.0.1:${port}/`), signed, options);
    expect(outcome).toMatchObject({ kind: 'answered', statusCode: 204 });
    expect(isDelivered(outcome)).toBe(true);
  });

  it.each(['127.0.0.1', 'localhost'])('refuses %s without connecting unless allowed', async (host) => {
    const outcome = await sendWebhook(new URL(`http://${host}:${port}/`), signed, { ...options, allowPrivateUrls: false });
    expect(outcome.kind).toBe('failed');
    expect(failureOf(outcome)).toMatch(/loopback, private or link-local/);
    expect(hits).toBe(0);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    answer = () => undefined;
    const outcome = await sendWebhook(new URL(`http://127.0.0.1:${port}/`), signed, options);
    expect(outcome.kind).toBe('failed');
    expect(failureOf(outcome)).toMatch(/no answer within 300 ms/);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(290);
  });

  it('does not follow a redirect', async () => {
    answer = (respond) => respond(307, { Location: 'http://169.254.169.254/' });
    const outcome = await sendWebhook(new URL(`http://127.0.0.1:${port}/`), signed, options);
    expect(isDelivered(outcome)).toBe(false);
    expect(failureOf(outcome)).toMatch(/HTTP 307: redirects are not followed/);
    expect(hits).toBe(1);
  });
});
