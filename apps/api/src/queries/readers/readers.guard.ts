import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { EdgeRequest } from '../../context/edge-request';
import { ProblemError } from '../../errors/problem';
import type { PrincipalRole } from '../../auth/principal-role';
import { READERS } from './readable-by.decorator';

/** Runs after the global authentication guard, which has set the actor. */
@Injectable()
export class ReadersGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const readers = this.reflector.getAllAndOverride<readonly PrincipalRole[] | undefined>(READERS, [context.getHandler(), context.getClass()]);
    const actor = context.switchToHttp().getRequest<EdgeRequest>().actor;
    if (readers === undefined || actor === undefined) return true;
    if (!(readers as readonly string[]).includes(actor.kind)) {
      throw new ProblemError(403, 'role_not_allowed', `The ${actor.kind} role may not read this`);
    }
    return true;
  }
}
