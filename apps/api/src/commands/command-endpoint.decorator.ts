import { applyDecorators, HttpCode, HttpStatus, type Type } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem.dto';
import { CommandResponseDto } from './command-response.dto';

export interface CommandEndpointOptions {
  readonly summary: string;
  /** 201 with Location instead of 200. */
  readonly created?: boolean;
  /** Documents If-Match; keep in step with @CommandContext({ ifMatch }). Default true. */
  readonly ifMatch?: boolean;
  readonly type?: Type<unknown>;
}

/** Status code and OpenAPI description of one command route. */
export function CommandEndpoint(options: CommandEndpointOptions): MethodDecorator {
  const type = options.type ?? CommandResponseDto;
  // Bulk answers cover many streams and carry no ETag.
  const etag: Record<string, { description: string; schema: { type: 'string' } }> = options.type
    ? {}
    : { ETag: { description: 'The stream revision after the command, for If-Match', schema: { type: 'string' } } };
  return applyDecorators(
    HttpCode(options.created ? HttpStatus.CREATED : HttpStatus.OK),
    ApiOperation({ summary: options.summary }),
    options.created
      ? ApiCreatedResponse({ type, headers: { ...etag, Location: { description: 'The created resource', schema: { type: 'string' } } } })
      : ApiOkResponse({ type, headers: etag }),
    ...(options.ifMatch === false
      ? []
      : [
          ApiHeader({ name: 'If-Match', required: false, description: 'The ETag ("5") of the revision the change was decided on' }),
          ApiPreconditionFailedResponse({ type: ProblemDto, description: 'The stream is no longer at the If-Match revision' }),
        ]),
    ApiNotFoundResponse({ type: ProblemDto }),
    ApiConflictResponse({ type: ProblemDto, description: 'The current state forbids it, or a concurrent change won' }),
    ApiUnprocessableEntityResponse({ type: ProblemDto }),
  );
}
