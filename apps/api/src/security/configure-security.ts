import type { INestApplication } from '@nestjs/common';
import { CORRELATION_ID_HEADER } from '../context/edge-request';
import { edgeSecurityConfigFrom } from './edge-security.config';
import { RATE_LIMIT_HEADERS } from './rate-limiter';
import { securityHeaders } from './security-headers.middleware';

/** Security headers and CORS for every answer, before anything else can answer. */
export function configureSecurity(app: INestApplication, env: NodeJS.ProcessEnv = process.env): void {
  const config = edgeSecurityConfigFrom(env);
  const express = app.getHttpAdapter().getInstance() as { disable(setting: string): void };
  express.disable('x-powered-by');
  app.use(securityHeaders(config.hstsMaxAgeSeconds));
  if (config.corsOrigins.length === 0) return;
  app.enableCors({
    origin: config.corsOrigins.includes('*') ? '*' : [...config.corsOrigins],
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Idempotency-Key', 'If-Match', 'Last-Event-ID', CORRELATION_ID_HEADER],
    exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Read-Model-Stale', CORRELATION_ID_HEADER, ...RATE_LIMIT_HEADERS],
    maxAge: 600,
  });
}
