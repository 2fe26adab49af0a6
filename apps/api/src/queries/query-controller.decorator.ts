import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiServiceUnavailableResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem.dto';

/** A controller of reads: authenticated, documented alike; who may read each route is in routeAccessTable. */
export function QueryController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(path),
    ApiTags(tag),
    ApiBearerAuth(),
    ApiBadRequestResponse({ type: ProblemDto, description: 'An unknown or invalid query parameter, named in errors[].field' }),
    ApiUnauthorizedResponse({ type: ProblemDto, description: 'Missing or invalid bearer token' }),
    ApiForbiddenResponse({ type: ProblemDto, description: 'The role may not read this' }),
    ApiServiceUnavailableResponse({ type: ProblemDto, description: 'The database is unreachable; retry after Retry-After' }),
  );
}
