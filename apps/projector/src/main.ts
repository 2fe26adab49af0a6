import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformModule } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { ProjectorModule } from './projector.module';

@Module({ imports: [PlatformModule.forRoot({ migrations: allMigrations }), ProjectorModule] })
class ProjectorProcessModule {}

/** The projector alone, for production where it runs apart from the API. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ProjectorProcessModule);
  app.enableShutdownHooks();
}

void bootstrap();
