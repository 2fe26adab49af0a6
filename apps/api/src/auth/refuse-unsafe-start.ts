import type { AppConfig } from '@switchboard/platform';
import { loadAuthConfig } from './auth.config';
import { generatedSecretSource } from './generated-secret';

/**
 * Runs the key checks before anything starts: a refusal found later, inside the module graph,
 * would come after the embedded PostgreSQL started and leave it to an aborting process.
 * Throws the AuthConfigError that names the variable to set.
 */
export function refuseUnsafeStart(config: AppConfig): void {
  loadAuthConfig(process.env, generatedSecretSource(config));
}
