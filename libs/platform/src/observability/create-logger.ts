import type { AppConfig } from '../config/app-config';
import { SwitchboardLogger } from './switchboard-logger';

/** The logger a process installs before anything else logs (`NestFactory.create(..., { logger })`). */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): SwitchboardLogger {
  return new SwitchboardLogger({ format: config.logFormat, level: config.logLevel });
}
