import jwt from 'jsonwebtoken';
import { FORMER_DEVELOPMENT_JWT_SECRET } from '@switchboard/api/auth/auth.config';
import { mintToken } from '@switchboard/api/auth/mint-token';
import type { PrincipalRole } from '@switchboard/api/auth/principal-role';

/** The secret the e2e apps are started with (JWT_SECRET). */
export const TEST_JWT_SECRET = 'e2e-test-secret-with-enough-length-0123456789';

export const bearer = (token: string): string => `Bearer ${token}`;

/** A valid token for the test app. */
export const tokenFor = (role: PrincipalRole, sub = `${role}-1`): string => mintToken({ sub, role, secret: TEST_JWT_SECRET });

/** The Authorization header of a principal, for supertest's `set`. */
export const authAs = (role: PrincipalRole, sub = `${role}-1`): { Authorization: string } => ({ Authorization: bearer(tokenFor(role, sub)) });

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

// Tokens the API must refuse, each wrong in exactly one way.
export const badTokens = {
  unsigned: (): string =>
    `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'op-1', role: 'operator', aud: 'switchboard', exp: nowSeconds() + 600 })}.`,
  wrongSignature: (): string => mintToken({ sub: 'op-1', role: 'operator', secret: 'another-secret-that-the-api-does-not-know' }),
  formerDevelopmentSecret: (): string => mintToken({ sub: 'op-1', role: 'operator', secret: FORMER_DEVELOPMENT_JWT_SECRET }),
  expired: (): string =>
    jwt.sign({ role: 'operator', exp: nowSeconds() - 3600 }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: 'op-1', audience: 'switchboard' }),
  notYetValid: (): string =>
    jwt.sign({ role: 'operator', nbf: nowSeconds() + 3600 }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
      subject: 'op-1',
      audience: 'switchboard',
      expiresIn: 7200,
    }),
  wrongAudience: (): string => mintToken({ sub: 'op-1', role: 'operator', secret: TEST_JWT_SECRET, audience: 'someone-else' }),
  withoutExpiry: (): string => jwt.sign({ role: 'operator' }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: 'op-1', audience: 'switchboard' }),
  systemRole: (): string => jwt.sign({ role: 'system' }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: 'sys', audience: 'switchboard', expiresIn: 600 }),
  withoutSubject: (): string => jwt.sign({ role: 'operator' }, TEST_JWT_SECRET, { algorithm: 'HS256', audience: 'switchboard', expiresIn: 600 }),
  hs512: (): string => jwt.sign({ role: 'operator' }, TEST_JWT_SECRET, { algorithm: 'HS512', subject: 'op-1', audience: 'switchboard', expiresIn: 600 }),
};

/** Tokens for the principals the end-to-end specs act as: one of each role, two operators. */
export const castTokens = () => ({
  admin: tokenFor('admin', 'admin-1'),
  supervisor: tokenFor('supervisor', 'sup-1'),
  auditor: tokenFor('auditor', 'aud-1'),
  channel: tokenFor('service', 'telegram'),
  opA: tokenFor('operator', 'op-a'),
  opB: tokenFor('operator', 'op-b'),
});
