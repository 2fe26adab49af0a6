import type { Algorithm } from 'jsonwebtoken';
import { createPublicKey, type KeyObject } from 'node:crypto';
// A single file, not the platform index: `npm run token` loads this and should start quickly.
import { isLoopback } from '@switchboard/platform/config/app-config';

/**
 * The development secret earlier versions accepted when no key was configured. It is public,
 * so it never verifies a token again, not even when given as JWT_SECRET.
 */
export const FORMER_DEVELOPMENT_JWT_SECRET = 'switchboard-development-jwt-secret-not-for-production';
export const DEFAULT_JWT_AUDIENCE = 'switchboard';
export const AUTH_CONFIG = Symbol('AuthConfig');

export type VerificationKey =
  | { readonly kind: 'secret'; readonly secret: string; readonly generated: boolean }
  | { readonly kind: 'public_key'; readonly key: KeyObject }
  | { readonly kind: 'jwks'; readonly url: string };

export interface AuthConfig {
  readonly key: VerificationKey;
  /** Bound to the key: an HMAC secret never verifies an RS256 token and the reverse; never `none`. */
  readonly algorithms: readonly Algorithm[];
  readonly audience: string;
  readonly issuer?: string;
}

/** What the one-machine mode offers when no key is configured. */
export interface GeneratedSecretSource {
  /** Reads (creating it the first time) the secret kept beside the embedded data; absent with DATABASE_URL. */
  readonly read?: () => string;
  /** The address the HTTP server binds (undefined: every interface). */
  readonly host?: string;
}

export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

const MIN_PRODUCTION_SECRET_LENGTH = 32;

const KEY_VARIABLES = 'JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL';

/**
 * Reads JWT_SECRET, JWT_PUBLIC_KEY, JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE and NODE_ENV, once.
 * With no key, outside production, the secret `generated` keeps is used, and only while the
 * service answers on loopback: a secret nobody configured must not guard a networked service.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env, generated: GeneratedSecretSource = {}): AuthConfig {
  const production = env.NODE_ENV === 'production';
  const audience = env.JWT_AUDIENCE?.trim() || DEFAULT_JWT_AUDIENCE;
  const issuer = env.JWT_ISSUER?.trim() || undefined;
  const common = { audience, ...(issuer !== undefined ? { issuer } : {}) };
  const sources = (['JWT_SECRET', 'JWT_PUBLIC_KEY', 'JWT_JWKS_URL'] as const).filter((name) => env[name]);
  if (sources.length > 1) {
    throw new AuthConfigError(`set only one of JWT_SECRET, JWT_PUBLIC_KEY and JWT_JWKS_URL, got ${sources.join(' and ')}`);
  }
  if (env.JWT_PUBLIC_KEY) return { ...common, ...publicKeyConfig(env.JWT_PUBLIC_KEY) };
  if (env.JWT_JWKS_URL) return { ...common, key: { kind: 'jwks', url: jwksUrl(env.JWT_JWKS_URL, production) }, algorithms: ['RS256', 'ES256'] };
  if (env.JWT_SECRET) {
    if (env.JWT_SECRET === FORMER_DEVELOPMENT_JWT_SECRET) {
      throw new AuthConfigError('JWT_SECRET is the former development secret, which is public: choose a private value');
    }
    if (production && env.JWT_SECRET.length < MIN_PRODUCTION_SECRET_LENGTH) {
      throw new AuthConfigError(`JWT_SECRET must be a private value of at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production`);
    }
    return { ...common, key: { kind: 'secret', secret: env.JWT_SECRET, generated: false }, algorithms: ['HS256'] };
  }
  if (production) throw new AuthConfigError(`${KEY_VARIABLES} must be set when NODE_ENV=production`);
  if (generated.read === undefined) {
    throw new AuthConfigError(`set ${KEY_VARIABLES}: with DATABASE_URL there is no embedded data directory to keep a generated secret in`);
  }
  if (generated.host === undefined || !isLoopback(generated.host)) {
    throw new AuthConfigError(
      `HOST=${generated.host ?? '(every interface)'} opens the service to a network: set ${KEY_VARIABLES} ` +
        '(the generated development secret is accepted on loopback only)',
    );
  }
  return { ...common, key: { kind: 'secret', secret: generated.read(), generated: true }, algorithms: ['HS256'] };
}

function publicKeyConfig(pem: string): Pick<AuthConfig, 'key' | 'algorithms'> {
  // .env files often carry the PEM on one line with literal "\n".
  const text = pem.replace(/\\n/g, '\n');
  if (/PRIVATE KEY/.test(text)) throw new AuthConfigError('JWT_PUBLIC_KEY holds a private key; give the public key only');
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch {
    throw new AuthConfigError('JWT_PUBLIC_KEY is not a PEM public key');
  }
  if (key.asymmetricKeyType === 'rsa') return { key: { kind: 'public_key', key }, algorithms: ['RS256'] };
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return { key: { kind: 'public_key', key }, algorithms: ['ES256'] };
  }
  throw new AuthConfigError('JWT_PUBLIC_KEY must be an RSA key (RS256) or a P-256 EC key (ES256)');
}

function jwksUrl(raw: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AuthConfigError(`JWT_JWKS_URL is not a URL: "${raw}"`);
  }
  const allowed = production ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol)) throw new AuthConfigError(`JWT_JWKS_URL must use ${allowed.join(' or ')}`);
  return url.toString();
}
