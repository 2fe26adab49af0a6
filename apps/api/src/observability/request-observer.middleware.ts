import { Logger } from '@nestjs/common';
import { LATENCY_BUCKETS, type MetricsRegistry } from '@switchboard/platform';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import type { EdgeRequest } from '../context/edge-request';

export type RequestMiddleware = (request: Request, response: Response, next: NextFunction) => void;

/**
 * First middleware of every request: when the response is finished (or the client went away),
 * one log line and one latency sample, both by route template (`/dialogs/:id/messages`, never
 * the path with its ids or the query with whatever a client put there) and status. Headers
 * and bodies are never logged.
 */
export function observeRequests(registry: MetricsRegistry): RequestMiddleware {
  const logger = new Logger('HTTP');
  const duration = new Histogram({
    name: 'switchboard_http_request_duration_seconds',
    help: 'Time from the request arriving to the response finishing, by method, route template and status class (2xx..5xx)',
    labelNames: ['method', 'route', 'status_class'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    let observed = false;
    const observe = () => {
      if (observed) return;
      observed = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // A client that hung up before the answer was sent is logged as status 499, as proxies do.
      const status = response.writableFinished ? response.statusCode : 499;
      const route = routeOf(request);
      duration.observe({ method: request.method, route, status_class: `${Math.floor(status / 100)}xx` }, seconds);
      const line = {
        message: `${request.method} ${route} ${status} ${(seconds * 1000).toFixed(1)} ms`,
        method: request.method,
        route,
        status,
        durationMs: Math.round(seconds * 1e4) / 10,
        correlationId: (request as EdgeRequest).correlationId,
      };
      if (status >= 500) logger.error(line);
      else logger.log(line);
    };
    response.on('finish', observe);
    response.on('close', observe);
    next();
  };
}

/** The matched route's template, `(unmatched)` for a 404 from the router. */
function routeOf(request: Request): string {
  const path: unknown = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : '(unmatched)';
}
