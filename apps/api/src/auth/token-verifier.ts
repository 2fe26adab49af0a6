import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@switchboard/dialogs';
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt, { type Algorithm, type JwtHeader, type JwtPayload } from 'jsonwebtoken';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import { authErrors } from './auth.errors';
import { JwksKeys } from './jwks-keys';
import { isPrincipalRole } from './principal-role';

// Covers clock drift between the token issuer and this server, nothing more.
const CLOCK_TOLERANCE_SECONDS = 5;
const PRINCIPAL_ID = /^[\x21-\x7E]{1,200}$/;

/** Turns a bearer token into the Actor it speaks for, or throws a 401 problem. */
@Injectable()
export class TokenVerifier {
  private readonly jwks: JwksKeys | undefined;
  /**
   * Keys parsed once: given a string, jsonwebtoken parses it on every verify, first trying it as
   * a public key and failing, which cost more than the rest of a request's authentication.
   */
  private readonly staticKey: KeyObject | undefined;
  private readonly jwksKeys = new Map<string, KeyObject>();

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    const { key } = config;
    this.jwks = key.kind === 'jwks' ? new JwksKeys(key.url) : undefined;
    this.staticKey = key.kind === 'secret' ? createSecretKey(Buffer.from(key.secret)) : key.kind === 'public_key' ? key.key : undefined;
  }

  async actorOf(token: string): Promise<Actor> {
    const header = headerOf(token);
    // Checked before any key is fetched, so an `alg: none` or HS256-with-public-key token
    // never reaches a verifier that might be lenient about it.
    if (!this.config.algorithms.includes(header.alg as Algorithm)) throw authErrors.invalidToken('the signing algorithm is not accepted');
    const key = await this.keyFor(header);
    let payload: JwtPayload | string;
    try {
      payload = jwt.verify(token, key, {
        algorithms: [...this.config.algorithms],
        audience: this.config.audience,
        ...(this.config.issuer !== undefined ? { issuer: this.config.issuer } : {}),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
    } catch (error) {
      throw authErrors.invalidToken(reasonOf(error));
    }
    return actorOfClaims(payload);
  }

  private async keyFor(header: JwtHeader): Promise<KeyObject> {
    if (this.staticKey) return this.staticKey;
    if (!this.jwks) throw new Error('JWKS keys missing for a JWKS configuration');
    const pem = await this.jwks.publicKeyFor(header.kid);
    let key = this.jwksKeys.get(pem);
    if (key === undefined) {
      key = createPublicKey(pem);
      // Rotated keys come and go; a handful are live at a time.
      if (this.jwksKeys.size >= 32) this.jwksKeys.clear();
      this.jwksKeys.set(pem, key);
    }
    return key;
  }
}

function headerOf(token: string): JwtHeader {
  const decoded = jwt.decode(token, { complete: true });
  if (decoded === null || typeof decoded.payload === 'string') throw authErrors.invalidToken('the token is not a JWT');
  return decoded.header;
}

function reasonOf(error: unknown): string {
  if (error instanceof jwt.TokenExpiredError) return 'the token has expired';
  if (error instanceof jwt.NotBeforeError) return 'the token is not valid yet';
  const message = error instanceof Error ? error.message : '';
  if (message.startsWith('jwt audience invalid')) return 'the token is meant for another audience';
  if (message.startsWith('jwt issuer invalid')) return 'the token comes from another issuer';
  if (message === 'invalid signature') return 'the signature does not match';
  return 'the token is malformed or not signed as required';
}

function actorOfClaims(payload: JwtPayload | string): Actor {
  if (typeof payload === 'string') throw authErrors.invalidToken('the token carries no claims');
  // A token without expiry would stay valid forever once leaked.
  if (typeof payload.exp !== 'number') throw authErrors.invalidToken('the token has no exp claim');
  const { sub } = payload;
  const role: unknown = payload['role'];
  if (typeof sub !== 'string' || !PRINCIPAL_ID.test(sub)) throw authErrors.invalidToken('the sub claim must name the principal');
  if (!isPrincipalRole(role)) throw authErrors.invalidToken('the role claim must be operator, supervisor, admin, auditor or service');
  return { kind: role, id: sub };
}
