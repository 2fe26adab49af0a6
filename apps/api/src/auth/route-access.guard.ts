import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { EdgeRequest } from '../context/edge-request';
import { ProblemError } from '../errors/problem';
import { routeAccessTable, rolesAllowedBy, type RouteRule } from './route-access.table';
import { routeKeyOf } from './route-key';

/**
 * The role gate of every route, from the route access table; runs after JwtAuthGuard. Whether
 * an `own` role may act on this very dialog needs the dialog's state: the write side decides
 * that (commands), and the queries hide what a reader may not see (reads).
 */
@Injectable()
export class RouteAccessGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const key = routeKeyOf(context.getClass(), context.getHandler());
    const rule: RouteRule | undefined = routeAccessTable[key];
    // Wiring mistakes fail closed, as a logged 500, and the authorisation matrix test names them.
    if (rule === undefined) throw new Error(`no row in routeAccessTable for ${key}`);
    const actor = context.switchToHttp().getRequest<EdgeRequest>().actor;
    if ((rule.kind === 'public') !== (actor === undefined)) {
      throw new Error(`${key}: @Public() and routeAccessTable disagree`);
    }
    if (actor === undefined || (rolesAllowedBy(rule) as readonly string[]).includes(actor.kind)) return true;
    const what = rule.kind === 'command' ? 'send this command' : rule.kind === 'operation' ? 'do this' : 'read this';
    throw new ProblemError(403, 'role_not_allowed', `The ${actor.kind} role may not ${what}`);
  }
}
