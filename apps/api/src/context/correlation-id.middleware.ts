import type { NextFunction, Request, Response } from 'express';
import { withLogContext } from '@switchboard/platform';
import { randomUUID } from 'node:crypto';
import { problems } from '../errors/problems';
import { CORRELATION_ID_HEADER, type EdgeRequest } from './edge-request';

// Narrow enough to be safe in logs and headers, wide enough for UUIDs, ULIDs and trace ids.
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * First middleware of every request, so that even a 400 for malformed JSON or a 404 carries the
 * id. A malformed id is refused, and the refusal gets a fresh id of its own.
 */
export function correlationIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const edge: EdgeRequest = request;
  const given = request.headers[CORRELATION_ID_HEADER.toLowerCase()];
  const valid = typeof given === 'string' && CORRELATION_ID.test(given);
  edge.correlationId = valid ? given : randomUUID();
  response.setHeader(CORRELATION_ID_HEADER, edge.correlationId);
  // Everything the request causes from here on, command handlers included, logs with its id.
  withLogContext({ correlationId: edge.correlationId }, () => {
    if (given !== undefined && !valid) {
      next(problems.invalidField(CORRELATION_ID_HEADER, 'must be 1-128 characters of A-Z, a-z, 0-9, ".", "_", ":" or "-"'));
      return;
    }
    next();
  });
}

/** The request's correlation id; a fresh one if the middleware did not run (an app without configureHttp). */
export function correlationIdOf(request: EdgeRequest): string {
  request.correlationId ??= randomUUID();
  return request.correlationId;
}
