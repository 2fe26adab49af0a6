import type { NextFunction, Request, Response } from 'express';
import { ProblemError } from './problem';

// body-parser marks its errors with a `type`; a `status` alone could come from anything.
const byType: Readonly<Record<string, { status: number; code: string; detail: string }>> = {
  'entity.parse.failed': { status: 400, code: 'malformed_json', detail: 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'payload_too_large', detail: 'The request body is too large' },
  'entity.verify.failed': { status: 400, code: 'malformed_body', detail: 'The request body was refused' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', detail: 'The content encoding is not supported' },
  'charset.unsupported': { status: 415, code: 'unsupported_charset', detail: 'The body charset is not supported' },
  'request.aborted': { status: 400, code: 'request_aborted', detail: 'The request body was not received in full' },
  'request.size.invalid': { status: 400, code: 'malformed_body', detail: 'The request body is shorter or longer than announced' },
  'parameters.too.many': { status: 413, code: 'payload_too_large', detail: 'The request body has too many parameters' },
};

/** The problem for an error from express's body parsers, or undefined when it is not one. */
export function problemOfBodyParserError(error: unknown): ProblemError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  // Thrown by our own verify hook (hostile-input/json-body-verify.ts), already decided.
  if (error instanceof ProblemError) return error;
  const { type, status, expose } = error as { type?: unknown; status?: unknown; expose?: unknown };
  if (type === 'entity.parse.failed') return malformedJson(error);
  if (typeof type === 'string' && type in byType) {
    const known = byType[type];
    return new ProblemError(known.status, known.code, known.detail);
  }
  // Other http-errors the parsers raise without a type (a gzip body that does not inflate):
  // `expose` is how http-errors marks a client error whose message is safe to show.
  if (expose === true && typeof status === 'number' && status >= 400 && status < 500) {
    return new ProblemError(status, 'unreadable_body', 'The request body could not be read');
  }
  return undefined;
}

/**
 * Broken JSON names the body as the field, and where the parser gave up when it says so. The
 * parser's own message is not passed on: it quotes the body.
 */
function malformedJson(error: object): ProblemError {
  const at = /at position (\d+)/.exec(String((error as { message?: unknown }).message))?.[1];
  const reason = at === undefined ? 'is not valid JSON' : `is not valid JSON (at character ${at})`;
  return new ProblemError(400, 'malformed_json', 'The request body is not valid JSON', { errors: [{ field: 'body', reason }] });
}

/**
 * Express error middleware placed right after the JSON parser. Nest turns the parser's
 * SyntaxError into a plain BadRequestException and drops its `type`, so it is translated here,
 * while the origin is still known.
 */
export function translateBodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  next(problemOfBodyParserError(error) ?? error);
}
