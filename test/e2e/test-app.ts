import { INestApplication, type LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { configureHttp } from '@switchboard/api/configure-http';
import { AllInOneModule } from '@switchboard/switchboard/all-in-one.module';

/**
 * Boots the all-in-one application as `npm start` does, with the given environment, on a
 * random port. The environment is applied while the modules read it, then restored. A
 * `logger` receives every level (tests that inspect what is logged).
 */
export async function startTestApp(env: Record<string, string>, logger?: LoggerService): Promise<INestApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, { LOG_LEVEL: 'warn', ...env });
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AllInOneModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: logger ?? ['error', 'warn'] });
    configureHttp(app);
    await app.listen(0);
    return app;
  } finally {
    process.env = saved;
  }
}
