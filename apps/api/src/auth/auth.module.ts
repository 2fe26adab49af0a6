import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@switchboard/platform';
import { generatedJwtSecretFile } from '@switchboard/platform/secrets/embedded-secret-files';
import { AUTH_CONFIG, loadAuthConfig, type AuthConfig } from './auth.config';
import { generatedSecretSource } from './generated-secret';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RouteAccessGuard } from './route-access.guard';
import { TokenVerifier } from './token-verifier';
import { EDGE_SECURITY_CONFIG, edgeSecurityConfigFrom } from '../security/edge-security.config';
import { RequestRateLimiter } from '../security/rate-limiter';

let warnedAboutGeneratedSecret = false;

function authConfigFromEnvironment(app: AppConfig): AuthConfig {
  const config = loadAuthConfig(process.env, generatedSecretSource(app));
  if (config.key.kind === 'secret' && config.key.generated && !warnedAboutGeneratedSecret) {
    warnedAboutGeneratedSecret = true;
    new Logger('Auth').warn(
      `no JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL: accepting tokens signed with the secret generated in ` +
        `${generatedJwtSecretFile(app.embedded.dataDir)} (mint one with \`npm run -s token -- --role admin --sub admin-1\`); ` +
        'listening on loopback only: to open the service to a network, set HOST and one of those keys',
    );
  }
  return config;
}

/** Bearer-token authentication and the coarse role gate, for every route of the process. */
@Module({
  providers: [
    { provide: AUTH_CONFIG, inject: [APP_CONFIG], useFactory: authConfigFromEnvironment },
    TokenVerifier,
    { provide: EDGE_SECURITY_CONFIG, useFactory: () => edgeSecurityConfigFrom(process.env) },
    RequestRateLimiter,
    // Order matters: the route access gate reads the actor the authentication guard sets.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RouteAccessGuard },
  ],
  exports: [AUTH_CONFIG, TokenVerifier],
})
export class AuthModule {}
