import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfig } from '@switchboard/platform';
import { refuseUnsafeStart } from '@switchboard/api/auth/refuse-unsafe-start';
import { configureHttp } from '@switchboard/api/configure-http';
import { listenOnConfiguredAddress } from '@switchboard/api/listen-address';
import { AllInOneModule } from './all-in-one.module';

/** `npm start`: everything one machine needs, API and projector, in one process. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  refuseUnsafeStart(config);
  const app = await NestFactory.create(AllInOneModule, { logger: createLogger(config) });
  configureHttp(app);
  const address = await listenOnConfiguredAddress(app, config);
  new Logger('Switchboard').log(`listening on ${address} (API docs at /docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
