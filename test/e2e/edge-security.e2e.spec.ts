import request, { type Response } from 'supertest';
import type { App } from 'supertest/types';
import { startEdgeTestApp, type EdgeTestApp } from './support/edge-app';
import { expectProblem } from './support/problem';
import { bearer, tokenFor } from './support/tokens';

function expectSecurityHeaders(response: Response, csp: RegExp): void {
  expect(response.headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  });
  expect(response.headers['content-security-policy']).toMatch(csp);
  expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers['x-powered-by']).toBeUndefined();
}

/** Security headers, CORS and per-principal rate limits at the edge. */
describe('edge security', () => {
  let plain: EdgeTestApp;
  let strict: EdgeTestApp;
  let plainServer: App;
  let strictServer: App;

  beforeAll(async () => {
    // One after the other: each start sets process.env while its modules read it.
    plain = await startEdgeTestApp();
    strict = await startEdgeTestApp({
      CORS_ORIGINS: 'https://inbox.example.com',
      HSTS_MAX_AGE_SECONDS: '0',
      RATE_LIMIT_PER_SECOND: '2',
      RATE_LIMIT_BURST: '4',
      RATE_LIMIT_SERVICE_PER_SECOND: '2',
      RATE_LIMIT_SERVICE_BURST: '8',
    });
    plainServer = plain.app.getHttpServer() as App;
    strictServer = strict.app.getHttpServer() as App;
  });
  afterAll(() => Promise.all([plain.stop(), strict.stop()]));

  describe('headers', () => {
    it('sets them on successes and on every kind of error', async () => {
      const apiCsp = /^default-src 'none'/;
      const operator = bearer(tokenFor('operator', 'op-h'));
      const answers = [
        await request(plainServer).get('/health'),
        await request(plainServer).get('/dialogs').set('Authorization', operator),
        await request(plainServer).get('/dialogs'),
        await request(plainServer).get('/projections').set('Authorization', operator),
        await request(plainServer).get('/nowhere'),
        await request(plainServer).post('/dialogs').set('Authorization', operator).set('Content-Type', 'application/json').send('{"broken'),
        await request(plainServer).get('/health').set('X-Correlation-Id', 'bad id!'),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 401, 403, 404, 400, 400]);
      for (const answer of answers) expectSecurityHeaders(answer, apiCsp);
      expect(answers[0].headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    });

    it('gives Swagger UI a policy that lets it load its own scripts, and nothing from elsewhere', async () => {
      const docs = await request(plainServer).get('/docs/').redirects(1).expect(200);
      expectSecurityHeaders(docs, /^default-src 'self'; .*script-src 'self'/);
      expect(docs.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
      // Every script the page names is its own file, which the policy allows; none is inline.
      expect(docs.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    });

    it('leaves HSTS out when HSTS_MAX_AGE_SECONDS=0', async () => {
      const response = await request(strictServer).get('/health').expect(200);
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('CORS', () => {
    const preflight = (server: App, origin: string) =>
      request(server)
        .options('/dialogs')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key');

    it('allows no origin by default', async () => {
      const response = await preflight(plainServer, 'https://inbox.example.com');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('allows the configured origins only, with the headers the API reads and exposes', async () => {
      const allowed = await preflight(strictServer, 'https://inbox.example.com');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://inbox.example.com');
      expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization.*Idempotency-Key/);
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      const other = await preflight(strictServer, 'https://evil.example.com');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const simple = await request(strictServer).get('/health').set('Origin', 'https://inbox.example.com');
      expect(simple.headers['access-control-expose-headers']).toMatch(/ETag.*Retry-After/);
    });
  });

  describe('rate limits', () => {
    const workload = (token: string) => request(strictServer).get('/operators/workload').set('Authorization', bearer(token));

    it('answers 429 problem+json with Retry-After beyond the burst, per principal, and refills', async () => {
      const opA = tokenFor('operator', 'op-rate-a');
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 7; i += 1) {
        const response = await workload(opA);
        statuses.push(response.status);
        if (response.status === 429) refused = response;
      }
      // Four at once; the requests take a few ms, so at most one more token trickles in.
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(4);
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(5);
      expect(statuses.slice(5)).toEqual([429, 429]);
      if (refused === undefined) throw new Error('no 429');
      expectProblem(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(refused.headers).toMatchObject({ 'ratelimit-limit': '4', 'ratelimit-remaining': '0', 'ratelimit-policy': '4;w=2' });

      // Another principal, even with the same sub under another role, has its own bucket.
      await workload(tokenFor('operator', 'op-rate-b')).expect(200);
      await workload(tokenFor('supervisor', 'op-rate-a')).expect(200);

      await new Promise((resolve) => setTimeout(resolve, Number(refused?.headers['retry-after']) * 1000 + 100));
      const refilled = await workload(opA).expect(200);
      expect(Number(refilled.headers['ratelimit-remaining'])).toBeGreaterThanOrEqual(0);
    });

    it('gives services their own, larger budget', async () => {
      const channel = tokenFor('service', 'rate-channel');
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1)
        statuses.push((await request(strictServer).get('/events').query({ limit: '1' }).set('Authorization', bearer(channel))).status);
      expect(statuses).toEqual(Array(8).fill(200));
    });

    it('charges requests without a valid token to their IP', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const call = i % 2 === 0 ? request(strictServer).get('/health') : request(strictServer).get('/dialogs').set('Authorization', 'Bearer not.a.jwt');
        statuses.push((await call).status);
      }
      expect(statuses.slice(5)).toEqual([429, 429]);
      expect(statuses.slice(0, 4)).toEqual([200, 401, 200, 401]);
    });
  });
});
