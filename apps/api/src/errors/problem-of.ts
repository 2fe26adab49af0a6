import { HttpException } from '@nestjs/common';
import { ConcurrencyConflictError, IdempotencyKeyReusedError, PreconditionFailedError } from '@switchboard/dialog-commands';
import { DomainError, type DomainErrorKind } from '@switchboard/dialogs';
import { EventStoreUnavailableError, IdempotencyConflictError, WrongExpectedRevisionError } from '@switchboard/event-store';
import { STATUS_CODES } from 'node:http';
import { problemOfBodyParserError } from './body-parser-errors';
import { isDatabaseUnavailable } from '@switchboard/platform';
import { ProblemError, type FieldError } from './problem';
import { problems } from './problems';

const statusOfKind: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
};

/**
 * The one mapping from anything thrown to what the client sees. Returns `unexpected: true` for
 * errors the client cannot have caused, which the filter logs; their text never leaves the
 * server.
 */
export function problemOf(error: unknown): { problem: ProblemError; unexpected: boolean } {
  const expected = (problem: ProblemError) => ({ problem, unexpected: false });
  if (error instanceof ProblemError) return { problem: error, unexpected: error.status >= 500 && error.status !== 503 };
  if (error instanceof DomainError) {
    return expected(new ProblemError(statusOfKind[error.kind], error.code, error.message, { details: error.details, errors: fieldErrorsOfDomain(error) }));
  }
  if (error instanceof ConcurrencyConflictError || error instanceof WrongExpectedRevisionError) {
    return expected(
      new ProblemError(409, 'concurrency_conflict', `${error.streamId} was changed by another request; try again`, {
        details: { streamId: error.streamId },
      }),
    );
  }
  if (error instanceof IdempotencyConflictError) {
    return expected(
      new ProblemError(409, 'idempotency_conflict', 'This Idempotency-Key was already used for a different request', {
        details: { streamId: error.streamId },
      }),
    );
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return expected(
      new ProblemError(409, 'idempotency_conflict', 'This Idempotency-Key was already used for a different request', {
        details: { request: error.request, earlierRequest: error.earlierRequest },
      }),
    );
  }
  if (error instanceof PreconditionFailedError) {
    return expected(
      new ProblemError(412, 'precondition_failed', `${error.streamId} is no longer at revision ${error.expected}`, {
        details: { streamId: error.streamId, expectedRevision: String(error.expected), actualRevision: String(error.actual) },
      }),
    );
  }
  if (error instanceof EventStoreUnavailableError || isDatabaseUnavailable(error)) {
    return expected(problems.serviceUnavailable('The database is unreachable; try again shortly'));
  }
  if (isReadModelMissing(error)) {
    return expected(problems.serviceUnavailable('The read models are being created (first start of the projector); try again shortly'));
  }
  const bodyParserProblem = problemOfBodyParserError(error);
  if (bodyParserProblem) return expected(bodyParserProblem);
  if (error instanceof HttpException && error.getStatus() < 500) return expected(problemOfHttpException(error));
  return { problem: problems.internal(), unexpected: true };
}

// Invalid input found by the domain names its field like the edge's validation does, so clients
// read one format for both.
function fieldErrorsOfDomain(error: DomainError): FieldError[] {
  const field = error.details['field'];
  return error.kind === 'invalid' && typeof field === 'string' ? [{ field, reason: error.message }] : [];
}

// Nest's own 4xx: the router's 404, and URIError/SyntaxError from express mapped to 400.
function problemOfHttpException(error: HttpException): ProblemError {
  const status = error.getStatus();
  const code = (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z0-9]+/g, '_');
  const detail = status === 404 ? `No such resource: ${error.message.replace(/^Cannot /, '')}` : error.message;
  return new ProblemError(status, code, detail);
}

/**
 * Readers query the `read_models` views, which the projector creates with the first generation
 * of each read model. Until then (a new database, an API started before any projector) a read
 * finds no such relation: a passing state, not a server fault.
 */
function isReadModelMissing(error: unknown): boolean {
  const pg = error as { code?: unknown; message?: unknown };
  return pg.code === '42P01' && typeof pg.message === 'string' && pg.message.includes('read_models.');
}
