import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AuthConfigError, DEFAULT_JWT_AUDIENCE, FORMER_DEVELOPMENT_JWT_SECRET, loadAuthConfig } from './auth.config';

const publicPem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();
const pem = (type: 'rsa' | 'ec' | 'ed25519'): string => {
  if (type === 'rsa') return publicPem(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey);
  if (type === 'ec') return publicPem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey);
  return publicPem(generateKeyPairSync('ed25519').publicKey);
};

describe('loadAuthConfig', () => {
  const generated = (host: string | undefined) => ({ host, read: () => 'generated-beside-the-data' });

  it('without a key, outside production, uses the generated secret while it listens on loopback', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) {
      expect(loadAuthConfig({ NODE_ENV: 'development' }, generated(host))).toEqual({
        key: { kind: 'secret', secret: 'generated-beside-the-data', generated: true },
        algorithms: ['HS256'],
        audience: DEFAULT_JWT_AUDIENCE,
      });
    }
  });

  it('refuses the generated secret on an address others can reach, naming the variables to set', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'inbox.example.com', undefined]) {
      expect(() => loadAuthConfig({}, generated(host))).toThrow(/HOST=.*JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL/);
    }
    expect(loadAuthConfig({ JWT_SECRET: 'configured' }, generated('0.0.0.0')).key).toEqual({ kind: 'secret', secret: 'configured', generated: false });
  });

  it('without a key and without an embedded data directory (DATABASE_URL), refuses to start, naming JWT_SECRET', () => {
    expect(() => loadAuthConfig({}, { host: '127.0.0.1' })).toThrow(/set JWT_SECRET.*DATABASE_URL/);
  });

  it('refuses to start in production without a key, or with a weak secret, and never reads a generated one', () => {
    const read = jest.fn(() => 'generated');
    expect(() => loadAuthConfig({ NODE_ENV: 'production' }, { host: '127.0.0.1', read })).toThrow(AuthConfigError);
    expect(read).not.toHaveBeenCalled();
    expect(() => loadAuthConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('refuses the former public development secret as JWT_SECRET, in any mode', () => {
    expect(() => loadAuthConfig({ JWT_SECRET: FORMER_DEVELOPMENT_JWT_SECRET })).toThrow(/public/);
    expect(() => loadAuthConfig({ NODE_ENV: 'production', JWT_SECRET: FORMER_DEVELOPMENT_JWT_SECRET })).toThrow(/public/);
  });

  it('uses JWT_SECRET with HS256 only, and the configured issuer and audience', () => {
    expect(loadAuthConfig({ JWT_SECRET: 's3cret', JWT_ISSUER: 'https://id.example.com', JWT_AUDIENCE: 'inbox' })).toEqual({
      key: { kind: 'secret', secret: 's3cret', generated: false },
      algorithms: ['HS256'],
      audience: 'inbox',
      issuer: 'https://id.example.com',
    });
  });

  it('binds the algorithm to the public key type: RS256 for RSA, ES256 for P-256', () => {
    expect(loadAuthConfig({ JWT_PUBLIC_KEY: pem('rsa') }).algorithms).toEqual(['RS256']);
    expect(loadAuthConfig({ JWT_PUBLIC_KEY: pem('ec').replace(/\n/g, '\\n') }).algorithms).toEqual(['ES256']);
    expect(() => loadAuthConfig({ JWT_PUBLIC_KEY: pem('ed25519') })).toThrow(/RSA key|P-256/);
    expect(() => loadAuthConfig({ JWT_PUBLIC_KEY: 'not a key' })).toThrow(/JWT_PUBLIC_KEY/);
  });

  it('refuses a private key given as JWT_PUBLIC_KEY', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => loadAuthConfig({ JWT_PUBLIC_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() })).toThrow(/private key/);
  });

  it('takes a JWKS URL (https only in production) with RS256 and ES256', () => {
    expect(loadAuthConfig({ JWT_JWKS_URL: 'https://id.example.com/.well-known/jwks.json' })).toMatchObject({
      key: { kind: 'jwks', url: 'https://id.example.com/.well-known/jwks.json' },
      algorithms: ['RS256', 'ES256'],
    });
    expect(() => loadAuthConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'http://id.example.com/jwks' })).toThrow(/https/);
    expect(() => loadAuthConfig({ JWT_JWKS_URL: 'nope' })).toThrow(/JWT_JWKS_URL/);
  });

  it('refuses more than one key source', () => {
    expect(() => loadAuthConfig({ JWT_SECRET: 'a', JWT_JWKS_URL: 'https://id.example.com/jwks' })).toThrow(/only one/);
  });
});
