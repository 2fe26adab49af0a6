import { accessTable, type AccessAction } from '@switchboard/dialogs';
import { principalRoles, type PrincipalRole } from './principal-role';
import { routeAccessTable, rolesAllowedBy } from './route-access.table';

/** The table of routes × roles in docs/security.md, generated from routeAccessTable (a unit test keeps the page in step). */
export function routeAccessMarkdown(): string {
  const header = `| route | ${principalRoles.join(' | ')} |\n|---|${principalRoles.map(() => '---').join('|')}|`;
  const rows = Object.entries(routeAccessTable).map(([key, rule]) => {
    const allowed = rolesAllowedBy(rule);
    const cells = principalRoles.map((role) => {
      if (rule.kind === 'public') return 'public';
      if (!allowed.includes(role)) return '—';
      if (rule.kind === 'dialog-read') return rule.scopes[role] === 'own' ? 'own' : 'yes';
      if (rule.kind === 'command' && key.includes('/dialogs/{id}')) return ownOnly(rule.actions, role) ? 'own' : 'yes';
      return 'yes';
    });
    return `| \`${key}\` | ${cells.join(' | ')} |`;
  });
  return [header, ...rows].join('\n');
}

const ownOnly = (actions: readonly AccessAction[], role: PrincipalRole): boolean => actions.every((action) => accessTable[action][role] !== 'any');
