import type { IncomingMessage } from 'node:http';
import { isUtf8 } from 'node:buffer';
import { ProblemError } from '../errors/problem';
import { problems } from '../errors/problems';
import { MAX_BODY_DEPTH } from '../validation/limits';
import { firstJsonTextProblem } from './json-text-scan';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * The JSON body parser's `verify` hook: runs on the raw bytes, after the size limit and before
 * JSON.parse. A JSON text must be UTF-8 (RFC 8259 §8.1), where the parser would silently put
 * U+FFFD in place of bad bytes; the scan refuses what the parser would accept but we must not
 * (json-text-scan.ts). A leading byte order mark is allowed, as the parser ignores it.
 *
 * What it throws reaches the error middleware as it is (body-parser keeps a thrown error's
 * `status`), and body-parser-errors.ts passes a ProblemError through unchanged.
 */
export function verifyJsonBody(_request: IncomingMessage, _response: unknown, body: Buffer): void {
  if (!isUtf8(body)) {
    throw new ProblemError(400, 'malformed_json', 'The request body is not valid UTF-8', {
      errors: [{ field: 'body', reason: 'must be UTF-8 text' }],
    });
  }
  const text = body.toString('utf8');
  const problem = firstJsonTextProblem(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text, MAX_BODY_DEPTH);
  if (problem) throw problems.validation([problem]);
}
