import { accessTable, type AccessAction } from '@switchboard/dialogs';
import type { PrincipalRole } from '@switchboard/api/auth/principal-role';
import { rolesAllowedBy, type RouteRule } from '@switchboard/api/auth/route-access.table';
import type { Ownership } from './matrix-fixtures';

/** unauthenticated: 401; denied: 403; hidden: 404 for a dialog the reader may not see; allowed: anything else below 500. */
export type Outcome = 'allowed' | 'denied' | 'unauthenticated' | 'hidden';

/**
 * What the route access table and the domain's accessTable say one request must get. `action`
 * is the domain action the request's body asks for (a message's author picks one).
 */
export function expectedOutcome(rule: RouteRule, role: PrincipalRole | null, ownership: Ownership | null, action?: AccessAction): Outcome {
  if (rule.kind === 'public') return 'allowed';
  if (role === null) return 'unauthenticated';
  if (!rolesAllowedBy(rule).includes(role)) return 'denied';
  const othersDialog = ownership === 'other';
  if (rule.kind === 'command') {
    const scope = accessTable[action ?? rule.actions[0]][role];
    return scope === 'none' || (scope === 'own' && othersDialog) ? 'denied' : 'allowed';
  }
  if (rule.kind === 'dialog-read') return rule.scopes[role] === 'own' && othersDialog ? 'hidden' : 'allowed';
  return 'allowed';
}

/** What an answer's status means; `dialogRead` says whether a 404 means "hidden" there. */
export function observedOutcome(status: number, dialogRead: boolean): Outcome | 'server_error' {
  if (status >= 500) return 'server_error';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'denied';
  if (status === 404 && dialogRead) return 'hidden';
  return 'allowed';
}
