import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, AppConfig, createLogger, loadConfig, PlatformModule } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { ApiModule } from './api.module';
import { configureHttp } from './configure-http';

@Module({ imports: [PlatformModule.forRoot({ migrations: allMigrations }), ApiModule] })
class ApiProcessModule {}

/** The API alone; run the projector beside it (`node dist/apps/projector/main`). */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(ApiProcessModule, { logger: createLogger(loadConfig()) });
  configureHttp(app);
  await app.listen(app.get<AppConfig>(APP_CONFIG).port);
}

void bootstrap();
