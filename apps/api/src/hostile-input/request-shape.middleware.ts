import type { NextFunction, Request, Response } from 'express';
import { ProblemError } from '../errors/problem';
import { problems } from '../errors/problems';
import { RESERVED_KEYS } from './json-text-scan';
import { MAX_JSON_BODY_BYTES, MAX_QUERY_PARAMETERS, MAX_REQUEST_TARGET_LENGTH } from '../validation/limits';

/**
 * The request's shape, judged from the request line and headers alone, before any body byte is
 * read or any parser runs: a URL too long (414), too many query parameters or a reserved name
 * among them (400), a body announced
 * larger than the JSON limit (413, whatever its type), a body that is not JSON (415; this API
 * reads nothing else, and Nest's form parser would otherwise accept urlencoded bodies).
 */
export function requestShapeMiddleware(request: Request, _response: Response, next: NextFunction): void {
  next(problemOfShape(request));
}

function problemOfShape(request: Request): ProblemError | undefined {
  const url = request.originalUrl;
  if (url.length > MAX_REQUEST_TARGET_LENGTH) {
    return new ProblemError(414, 'uri_too_long', `The request URL is longer than ${MAX_REQUEST_TARGET_LENGTH} characters`);
  }
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  if (query.split('&').length > MAX_QUERY_PARAMETERS) {
    return problems.invalidField('query', `must have at most ${MAX_QUERY_PARAMETERS} parameters`);
  }
  const reserved = query
    .split('&')
    .map(parameterName)
    .find((name) => RESERVED_KEYS.has(name));
  if (reserved !== undefined) return problems.invalidField(reserved, 'is not a query parameter of this API (a name JavaScript objects reserve)');
  const announced = Number(request.headers['content-length'] ?? 0);
  if (announced > MAX_JSON_BODY_BYTES) {
    return new ProblemError(413, 'payload_too_large', `The request body is larger than ${MAX_JSON_BODY_BYTES} bytes`);
  }
  if (hasBody(request) && !isJson(request.headers['content-type'])) {
    return new ProblemError(415, 'unsupported_media_type', 'A request body must be sent as Content-Type: application/json (UTF-8)', {
      errors: [{ field: 'Content-Type', reason: 'must be application/json, with no charset or charset=utf-8' }],
    });
  }
  return undefined;
}

/** A query parameter's name as the query parser reads it, up to any `[` of a nested form (`a[b]=`). */
function parameterName(parameter: string): string {
  const raw = parameter.split('=')[0].replace(/\+/g, ' ');
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    name = raw;
  }
  return name.split('[')[0];
}

/** As body parsers judge it: a length other than 0, or a chunked body. */
function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] ?? '0') !== '0';
}

const JSON_MEDIA_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_MEDIA_TYPE.test(contentType.trim());
}
