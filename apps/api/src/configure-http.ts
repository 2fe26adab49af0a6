import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { METRICS_REGISTRY, type MetricsRegistry } from '@switchboard/platform';
import { correlationIdMiddleware } from './context/correlation-id.middleware';
import { translateBodyParserErrors } from './errors/body-parser-errors';
import { answerClientErrorsWithProblems } from './hostile-input/client-error-responder';
import { verifyJsonBody } from './hostile-input/json-body-verify';
import { requestShapeMiddleware } from './hostile-input/request-shape.middleware';
import { observeRequests } from './observability/request-observer.middleware';
import { configureSecurity } from './security/configure-security';
import { MAX_JSON_BODY_BYTES } from './validation/limits';

/** Largest JSON body, in bytes (1 MiB). */
export const JSON_BODY_LIMIT = MAX_JSON_BODY_BYTES;

/** Edge settings shared by the API process, the all-in-one process and the e2e tests. */
export function configureHttp(app: INestApplication): void {
  app.enableShutdownHooks();
  // Outermost, so that requests refused by any later middleware are logged and timed too.
  app.use(observeRequests(app.get<MetricsRegistry>(METRICS_REGISTRY)));
  // Security headers and CORS next: an answer refused by a later middleware carries them too.
  configureSecurity(app);
  // Before anything can fail, so every answer, errors included, carries the correlation id.
  app.use(correlationIdMiddleware);
  // Hostile input is refused before any parser reads it: see apps/api/src/hostile-input and the
  // "Hostile input" of docs/api.md. Requests Node's own parser refuses are answered as problems too.
  answerClientErrorsWithProblems(app.getHttpServer() as Server);
  app.use(requestShapeMiddleware);
  // Registered before init, Nest's default JSON parser (100 kB) sees a parser named jsonParser
  // already in place and skips its own; this works with NestFactory.create and
  // Test...createNestApplication alike, with the default bodyParser option.
  expressApplication(app).useBodyParser('json', { limit: JSON_BODY_LIMIT, verify: verifyJsonBody });
  app.use(translateBodyParserErrors);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Switchboard').setDescription('Event-sourced support inbox API').setVersion('0.1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document);
}

function expressApplication(app: INestApplication): NestExpressApplication {
  if (!('useBodyParser' in app)) throw new Error('Switchboard runs on the Express platform');
  return app as NestExpressApplication;
}
