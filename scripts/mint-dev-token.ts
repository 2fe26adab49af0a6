// Prints a bearer token for local requests (`npm run -s token -- --role operator --sub op-1 [--ttl 8h]`).
// Signed with JWT_SECRET when set, else with the secret the one-machine mode generated beside
// its data (created here if the service has not run yet), exactly as the API resolves it.
// JWT_AUDIENCE and JWT_ISSUER are honoured like the API honours them.
import { loadConfig } from '@switchboard/platform/config/app-config';
import { loadAuthConfig } from '../apps/api/src/auth/auth.config';
import { generatedSecretSource } from '../apps/api/src/auth/generated-secret';
import { mintToken } from '../apps/api/src/auth/mint-token';
import { isPrincipalRole, principalRoles } from '../apps/api/src/auth/principal-role';

function argument(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function main(args: readonly string[]): void {
  const role = argument(args, 'role');
  const sub = argument(args, 'sub');
  const ttl = argument(args, 'ttl');
  if (!isPrincipalRole(role) || sub === undefined || sub === '') {
    throw new Error(`usage: mint-dev-token --role <${principalRoles.join('|')}> --sub <principal id> [--ttl 8h]`);
  }
  const config = loadAuthConfig(process.env, generatedSecretSource(loadConfig()));
  if (config.key.kind !== 'secret') {
    throw new Error('the API verifies tokens with JWT_PUBLIC_KEY or JWT_JWKS_URL: get a token from that issuer instead');
  }
  const token = mintToken({ sub, role, ttl, secret: config.key.secret, audience: config.audience, issuer: config.issuer });
  process.stdout.write(`${token}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
