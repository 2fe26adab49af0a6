import type { JwksClient } from 'jwks-rsa';
import { authErrors } from './auth.errors';

interface LoadedJwks {
  readonly client: JwksClient;
  readonly isUnknownKey: (error: unknown) => boolean;
}

/**
 * Public keys from a JWKS endpoint, cached and rate-limited by jwks-rsa. The library is loaded
 * only when JWT_JWKS_URL is configured: it pulls in the ESM-only `jose`, which Node requires
 * fine but Jest cannot load, and no other configuration needs it.
 */
export class JwksKeys {
  private loaded: Promise<LoadedJwks> | undefined;

  constructor(private readonly url: string) {}

  async publicKeyFor(kid: string | undefined): Promise<string> {
    const { client, isUnknownKey } = await this.load();
    try {
      return (await client.getSigningKey(kid)).getPublicKey();
    } catch (error) {
      // An unknown kid is the token's fault; an unreachable key endpoint is ours.
      if (isUnknownKey(error)) throw authErrors.invalidToken('the signing key is unknown');
      throw authErrors.keysUnavailable();
    }
  }

  private load(): Promise<LoadedJwks> {
    const loaded =
      this.loaded ??
      import('jwks-rsa').then(({ JwksClient: Client, SigningKeyNotFoundError }) => ({
        client: new Client({ jwksUri: this.url, cache: true, rateLimit: true, jwksRequestsPerMinute: 10, timeout: 5_000 }),
        isUnknownKey: (error: unknown) => error instanceof SigningKeyNotFoundError,
      }));
    this.loaded = loaded;
    return loaded;
  }
}
