import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, AppConfig, PlatformModule } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { ApiModule } from '../../api/src/api.module';
import { configureHttp } from '../../api/src/configure-http';
import { ProjectorModule } from '../../projector/src/projector.module';

@Module({ imports: [PlatformModule.forRoot({ migrations: allMigrations }), ApiModule, ProjectorModule] })
class AllInOneModule {}

/** `npm start`: everything one machine needs, API and projector, in one process. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AllInOneModule);
  configureHttp(app);
  const { port } = app.get<AppConfig>(APP_CONFIG);
  await app.listen(port);
  new Logger('Switchboard').log(`Switchboard listening on http://localhost:${port} (API docs at /docs)`);
}

void bootstrap();
