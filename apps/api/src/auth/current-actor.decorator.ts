import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@switchboard/dialogs';
import type { EdgeRequest } from '../context/edge-request';

/** The authenticated Actor, for routes that need who asks but no command context (queries). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<EdgeRequest>().actor;
  // Only a route marked @Public() has no actor; using this decorator there is a wiring mistake.
  if (!actor) throw new Error('@CurrentActor() used on a route without authentication');
  return actor;
});
