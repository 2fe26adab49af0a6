import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestContext } from '@switchboard/dialog-commands';
import { problems } from '../errors/problems';
import { correlationIdOf } from './correlation-id.middleware';
import type { EdgeRequest } from './edge-request';
import { idempotencyKeyOf } from './idempotency-key';
import { expectedRevisionOf } from './if-match';
import { occurredAtOf } from './occurred-at';

export interface CommandContextOptions {
  /** The route accepts `occurredAt` in its body (from service principals only). */
  readonly occurredAt?: boolean;
  /** The route changes one existing stream, so `If-Match` has a meaning. Default true. */
  readonly ifMatch?: boolean;
}

/** The RequestContext for a command, from authentication and headers; never from the body's claims. */
export function requestContextOf(request: EdgeRequest, options: CommandContextOptions = {}): RequestContext {
  const actor = request.actor;
  // Only a route marked @Public() has no actor, and no public route sends commands.
  if (!actor) throw new Error('@CommandContext() used on a route without authentication');
  const ifMatch = request.headers['if-match'];
  if (ifMatch !== undefined && options.ifMatch === false) {
    throw problems.invalidField('If-Match', 'is not accepted here: this request does not change one existing stream');
  }
  const idempotencyKey = idempotencyKeyOf(request.headers['idempotency-key']);
  const expectedRevision = expectedRevisionOf(ifMatch);
  const occurredAt = occurredAtOf(request.body, actor, options.occurredAt === true);
  return {
    actor,
    correlationId: correlationIdOf(request),
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    ...(occurredAt !== undefined ? { occurredAt } : {}),
  };
}

/**
 * Controller parameter: `@CommandContext({ occurredAt: true }) context: RequestContext`.
 * Header problems answer 400; `occurredAt` from anyone but a service answers 403.
 */
export const CommandContext = createParamDecorator((options: CommandContextOptions | undefined, context: ExecutionContext): RequestContext =>
  requestContextOf(context.switchToHttp().getRequest<EdgeRequest>(), options),
);
