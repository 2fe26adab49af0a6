import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfig, PlatformModule } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { ApiModule } from './api.module';
import { refuseUnsafeStart } from './auth/refuse-unsafe-start';
import { configureHttp } from './configure-http';
import { listenOnConfiguredAddress } from './listen-address';

@Module({ imports: [PlatformModule.forRoot({ migrations: allMigrations }), ApiModule] })
class ApiProcessModule {}

/** The API alone; run the projector beside it (`node dist/apps/projector/main`). */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  refuseUnsafeStart(config);
  const app = await NestFactory.create(ApiProcessModule, { logger: createLogger(config) });
  configureHttp(app);
  new Logger('Api').log(`listening on ${await listenOnConfiguredAddress(app, config)}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
