import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import type { App } from 'supertest/types';
import { CapturedLogs, expectNoSecretsIn } from './support/captured-logs';
import { startEdgeTestApp, type EdgeTestApp } from './support/edge-app';
import { expectProblem } from './support/problem';
import { bearer } from './support/tokens';

const ISSUER = 'https://id.example.com/';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const now = (): number => Math.floor(Date.now() / 1000);
const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const valid = { sub: 'op-1', role: 'operator', aud: 'switchboard', iss: ISSUER };
const rs256 = (claims: object, key = rsa.privateKey): string => jwt.sign({ exp: now() + 600, ...claims }, key, { algorithm: 'RS256' });

// Each wrong in one way against an API configured with an RS256 public key and an issuer.
const refused: readonly [string, () => string][] = [
  ['alg: none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...valid, exp: now() + 600 })}.`],
  ['alg: none with a signature', () => `${b64({ alg: 'none' })}.${b64({ ...valid, exp: now() + 600 })}.${rs256(valid).split('.')[2]}`],
  ['a wrong signature (another key)', () => rs256(valid, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
  [
    'a tampered payload',
    () => {
      const [h, , s] = rs256(valid).split('.');
      return `${h}.${b64({ ...valid, role: 'admin', exp: now() + 600 })}.${s}`;
    },
  ],
  ['an expired token', () => rs256({ ...valid, exp: now() - 60 })],
  ['a token not valid yet', () => rs256({ ...valid, nbf: now() + 600, exp: now() + 1200 })],
  ['a wrong audience', () => rs256({ ...valid, aud: 'another-api' })],
  ['a wrong issuer', () => rs256({ ...valid, iss: 'https://evil.example.com/' })],
  ['no issuer', () => rs256({ sub: 'op-1', role: 'operator', aud: 'switchboard' })],
  ['HS256 signed with the public key (algorithm confusion)', () => jwt.sign({ ...valid, exp: now() + 600 }, publicPem, { algorithm: 'HS256' })],
  ['no role', () => rs256({ sub: 'op-1', aud: 'switchboard', iss: ISSUER })],
  ['an unknown role', () => rs256({ ...valid, role: 'root' })],
  ['the system role', () => rs256({ ...valid, role: 'system' })],
  ['a role that is not a string', () => rs256({ ...valid, role: ['admin'] })],
  ['no sub', () => rs256({ role: 'operator', aud: 'switchboard', iss: ISSUER })],
  ['no exp', () => jwt.sign(valid, rsa.privateKey, { algorithm: 'RS256' })],
  ['malformed: two parts', () => rs256(valid).split('.').slice(0, 2).join('.')],
  ['malformed: a header that is not JSON', () => `${Buffer.from('{"alg":').toString('base64url')}.${b64(valid)}.c2ln`],
  ['malformed: garbage', () => 'eyJhbGciOiJSUzI1NiJ9.garbage.garbage'],
];

describe('JWT refusals with an RS256 key and an issuer', () => {
  const logs = new CapturedLogs();
  let edge: EdgeTestApp;
  let server: App;
  const used: string[] = [];

  beforeAll(async () => {
    logs.start();
    edge = await startEdgeTestApp({ JWT_SECRET: '', JWT_PUBLIC_KEY: publicPem, JWT_ISSUER: ISSUER, LOG_LEVEL: 'debug' }, logs);
    server = edge.app.getHttpServer() as App;
  });
  afterAll(async () => {
    await edge.stop();
    logs.stop();
  });

  it('accepts a correct token, so every refusal below is for its one fault', async () => {
    await request(server)
      .get('/dialogs')
      .set('Authorization', bearer(rs256(valid)))
      .expect(200);
  });

  it.each(refused)('answers 401 invalid_token problem+json for %s', async (_case, mint) => {
    const token = mint();
    used.push(token);
    const response = await request(server).get('/dialogs').set('Authorization', bearer(token));
    expectProblem(response, 401, 'invalid_token');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="switchboard", error="invalid_token"/);
    expect(response.text).not.toContain(token);
  });

  it('answers 401 unauthenticated without a token, and for a header that is not Bearer', async () => {
    expectProblem(await request(server).get('/dialogs'), 401, 'unauthenticated');
    expectProblem(
      await request(server)
        .get('/dialogs')
        .set('Authorization', `Token ${rs256(valid)}`),
      401,
      'invalid_token',
    );
  });

  it('logs none of the refused tokens', () => {
    expect(used.length).toBe(refused.length);
    expectNoSecretsIn(logs.text, used);
  });
});
