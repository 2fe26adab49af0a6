import type { AppConfig } from '@switchboard/platform/config/app-config';
import { generatedJwtSecretFile } from '@switchboard/platform/secrets/embedded-secret-files';
import { readOrCreateSecretFile } from '@switchboard/platform/secrets/secret-file';
import type { GeneratedSecretSource } from './auth.config';

/**
 * The one-machine mode's own HS256 secret: generated on first start beside the embedded data,
 * the same file on every later start and for `npm run token`. With DATABASE_URL there is no
 * such place, so no generated secret either.
 */
export function generatedSecretSource(config: AppConfig): GeneratedSecretSource {
  if (config.databaseUrl) return { host: config.host };
  return { host: config.host, read: () => readOrCreateSecretFile(generatedJwtSecretFile(config.embedded.dataDir)) };
}
