import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { EdgeRequest } from '../context/edge-request';
import { problems } from '../errors/problems';
import { ALLOWED_ROLES } from './allow-roles.decorator';
import type { PrincipalRole } from './principal-role';

/** Runs after JwtAuthGuard; routes without @AllowRoles() are open to every authenticated role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const allowed = this.reflector.getAllAndOverride<readonly PrincipalRole[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const actor = context.switchToHttp().getRequest<EdgeRequest>().actor;
    if (allowed === undefined || actor === undefined) return true;
    if (!(allowed as readonly string[]).includes(actor.kind)) throw problems.roleForbidden(actor.kind);
    return true;
  }
}
