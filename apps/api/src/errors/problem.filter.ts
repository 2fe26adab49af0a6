import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { correlationIdOf } from '../context/correlation-id.middleware';
import { CORRELATION_ID_HEADER, type EdgeRequest } from '../context/edge-request';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { problemOf } from './problem-of';

/** Every error of every HTTP request leaves through here as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<EdgeRequest>();
    const response = http.getResponse<Response>();
    const { problem, unexpected } = problemOf(exception);
    const correlationId = correlationIdOf(request);
    if (unexpected) {
      // The path without its query string: a query may carry secrets, headers certainly do.
      const trace = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      this.logger.error(`correlationId=${correlationId} ${request.method} ${request.path} failed: ${trace}`);
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(problem.extras.headers ?? {})) response.setHeader(name, value);
    response.setHeader(CORRELATION_ID_HEADER, correlationId);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem.toProblem()));
  }
}
