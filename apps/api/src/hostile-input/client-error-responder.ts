import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ProblemError, PROBLEM_CONTENT_TYPE } from '../errors/problem';

// Node's http parser error codes for requests it refuses before any handler runs.
const problemOfCode: Readonly<Record<string, () => ProblemError>> = {
  HPE_HEADER_OVERFLOW: () => new ProblemError(431, 'request_header_fields_too_large', 'The request line and headers together exceed 16 KiB'),
  HPE_CHUNK_EXTENSIONS_OVERFLOW: () => new ProblemError(413, 'payload_too_large', 'The chunk extensions are too large'),
  ERR_HTTP_REQUEST_TIMEOUT: () => new ProblemError(408, 'request_timeout', 'The request was not received in time'),
};

/**
 * Requests Node's HTTP parser refuses (a request line and headers over `maxHeaderSize`, a
 * malformed request) never reach Express. Node would answer them with a bare status line; this
 * answers the same status as problem+json, like every other refusal, and closes the connection
 * as Node does (its state is unknown after a parse error).
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A reset peer cannot be answered; a response whose headers went out must not get a second one.
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent === true) {
      socket.destroy();
      return;
    }
    const problem = problemOfCode[error.code ?? '']?.() ?? new ProblemError(400, 'malformed_request', 'The HTTP request could not be parsed');
    const body = JSON.stringify(problem.toProblem());
    socket.end(
      `HTTP/1.1 ${problem.status} ${problem.toProblem().title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
