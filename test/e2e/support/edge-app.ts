import { INestApplication, type LoggerService } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { configureHttp } from '@switchboard/api/configure-http';
import { AllInOneModule } from '@switchboard/switchboard/all-in-one.module';
import { startTestApp } from '../test-app';
import type { RecordingCommandBus } from './recording-command-bus';
import { TEST_JWT_SECRET } from './tokens';

export interface EdgeTestApp {
  app: INestApplication;
  stop(): Promise<void>;
}

/** The all-in-one app on a fresh, empty database, verifying tokens with TEST_JWT_SECRET unless `env` sets another key; `env` adds settings. */
export async function startEdgeTestApp(env: Record<string, string> = {}, logger?: LoggerService): Promise<EdgeTestApp> {
  const db: TestDatabase = await createTestDatabase([]);
  const app = await startTestApp({ JWT_SECRET: TEST_JWT_SECRET, ...env, DATABASE_URL: db.url }, logger);
  return { app, stop: () => stopAll(app, db) };
}

/**
 * The same app, booted as test-app.ts does, but with the CommandBus replaced: for checking what
 * the edge sends and how it renders answers and errors, whatever handlers are wired.
 */
export async function startEdgeTestAppWithBus(bus: RecordingCommandBus, logger?: LoggerService): Promise<EdgeTestApp> {
  const db: TestDatabase = await createTestDatabase([]);
  const saved = { ...process.env };
  Object.assign(process.env, { LOG_LEVEL: 'warn', DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET });
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AllInOneModule] })
      .overrideProvider(CommandBus)
      .useValue(bus)
      .compile();
    // 500s are logged as errors on purpose; the tests that cause them need not show them.
    const app = moduleRef.createNestApplication({ logger: logger ?? false });
    configureHttp(app);
    await app.listen(0);
    return { app, stop: () => stopAll(app, db) };
  } finally {
    process.env = saved;
  }
}

async function stopAll(app: INestApplication, db: TestDatabase): Promise<void> {
  await app.close();
  await db.drop();
}
