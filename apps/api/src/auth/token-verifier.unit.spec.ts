import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ProblemError } from '../errors/problem';
import { loadAuthConfig } from './auth.config';
import { TokenVerifier } from './token-verifier';

const claims = { role: 'supervisor' };
const options = { subject: 'sv-1', audience: 'switchboard', expiresIn: 600 } as const;

async function refusal(verifier: TokenVerifier, token: string): Promise<ProblemError> {
  const error: unknown = await verifier.actorOf(token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe('TokenVerifier with a public key', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const verifier = new TokenVerifier(loadAuthConfig({ JWT_PUBLIC_KEY: publicPem }));

  it('accepts an RS256 token and returns the actor', async () => {
    const token = jwt.sign(claims, rsa.privateKey, { ...options, algorithm: 'RS256' });
    await expect(verifier.actorOf(token)).resolves.toEqual({ kind: 'supervisor', id: 'sv-1' });
  });

  it('refuses an HS256 token whose "secret" is the public key (algorithm confusion)', async () => {
    const forged = jwt.sign(claims, publicPem, { ...options, algorithm: 'HS256' });
    expect(await refusal(verifier, forged)).toMatchObject({ status: 401, code: 'invalid_token' });
  });

  it('refuses a token signed by another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = jwt.sign(claims, other.privateKey, { ...options, algorithm: 'RS256' });
    expect(await refusal(verifier, token)).toMatchObject({ status: 401 });
  });
});

describe('TokenVerifier with an issuer', () => {
  const verifier = new TokenVerifier(loadAuthConfig({ JWT_SECRET: 'issuer-test-secret', JWT_ISSUER: 'https://id.example.com' }));

  it('refuses tokens from another issuer, or none', async () => {
    const wrong = jwt.sign(claims, 'issuer-test-secret', { ...options, issuer: 'https://evil.example.com' });
    const missing = jwt.sign(claims, 'issuer-test-secret', options);
    expect((await refusal(verifier, wrong)).detail).toMatch(/issuer/);
    expect((await refusal(verifier, missing)).status).toBe(401);
    const right = jwt.sign(claims, 'issuer-test-secret', { ...options, issuer: 'https://id.example.com' });
    await expect(verifier.actorOf(right)).resolves.toEqual({ kind: 'supervisor', id: 'sv-1' });
  });
});
