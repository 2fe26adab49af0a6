import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, AppConfig, createLogger, loadConfig } from '@switchboard/platform';
import { configureHttp } from '../../api/src/configure-http';
import { AllInOneModule } from './all-in-one.module';

/** `npm start`: everything one machine needs, API and projector, in one process. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AllInOneModule, { logger: createLogger(loadConfig()) });
  configureHttp(app);
  const { port } = app.get<AppConfig>(APP_CONFIG);
  await app.listen(port);
  new Logger('Switchboard').log(`listening on http://localhost:${port} (API docs at /docs)`);
}

void bootstrap();
