import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfig, PlatformModule } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { MetricsListener } from './metrics-listener';
import { ProjectorModule } from './projector.module';

@Module({ imports: [PlatformModule.forRoot({ migrations: allMigrations }), ProjectorModule], providers: [MetricsListener] })
class ProjectorProcessModule {}

/** The projector alone, for production where it runs apart from the API. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ProjectorProcessModule, { logger: createLogger(loadConfig()) });
  app.enableShutdownHooks();
}

void bootstrap();
