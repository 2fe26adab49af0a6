import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_CONFIG, loadAuthConfig, type AuthConfig } from './auth.config';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RouteAccessGuard } from './route-access.guard';
import { TokenVerifier } from './token-verifier';
import { EDGE_SECURITY_CONFIG, edgeSecurityConfigFrom } from '../security/edge-security.config';
import { RequestRateLimiter } from '../security/rate-limiter';

let warnedAboutDevelopmentSecret = false;

function authConfigFromEnvironment(): AuthConfig {
  const config = loadAuthConfig();
  if (config.key.kind === 'secret' && config.key.development && !warnedAboutDevelopmentSecret) {
    warnedAboutDevelopmentSecret = true;
    new Logger('Auth').warn(
      'no JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL: accepting tokens signed with the public DEVELOPMENT_JWT_SECRET ' +
        '(mint one with scripts/mint-dev-token.ts); this refuses to start with NODE_ENV=production',
    );
  }
  return config;
}

/** Bearer-token authentication and the coarse role gate, for every route of the process. */
@Module({
  providers: [
    { provide: AUTH_CONFIG, useFactory: authConfigFromEnvironment },
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
