import { applyDecorators, Controller } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem.dto';

/** A controller of commands: authenticated, closed to auditors, documented alike. */
export function CommandController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(path),
    ApiTags(tag),
    ApiBearerAuth(),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: '1-128 characters of [A-Za-z0-9._:-]; a new UUID when absent; echoed in the response',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '1-200 printable characters; a retry with the same key records nothing twice',
    }),
    ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid body, path or header' }),
    ApiUnauthorizedResponse({ type: ProblemDto, description: 'Missing or invalid bearer token' }),
    ApiForbiddenResponse({ type: ProblemDto, description: 'The role may not do this' }),
    ApiServiceUnavailableResponse({ type: ProblemDto, description: 'The database is unreachable; retry after Retry-After' }),
  );
}
