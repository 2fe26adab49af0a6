import { accessTable, assertNever, type AccessAction, type AccessScope } from '@switchboard/dialogs';
import { principalRoles, type PrincipalRole } from './principal-role';

/**
 * Who may call each route: the one table the edge decides from, and the one the authorisation
 * matrix test and the role table of docs/security.md are checked against. Keys are `METHOD /path` in
 * OpenAPI form (`{id}`); a route without a row is refused (and the matrix test fails).
 *
 * - `public`: no token needed (the route is @Public()).
 * - `command`: the domain actions the route may decide; the roles come from the domain's
 *   accessTable (a role passes the edge when one of the actions is not `none` for it), and
 *   `own` is then judged by the write side against the dialog as it stands (403).
 * - `read`: the roles that may read; which rows they see is the query's business.
 * - `dialog-read`: a read of one dialog: each role's scope; an `own` reader asking for a
 *   dialog outside it gets 404, as if it did not exist.
 * - `operation`: an operations route outside the domain (projections, webhooks), by role.
 */
export type RouteRule =
  | { readonly kind: 'public' }
  | { readonly kind: 'command'; readonly actions: readonly AccessAction[] }
  | { readonly kind: 'read'; readonly roles: readonly PrincipalRole[] }
  | { readonly kind: 'dialog-read'; readonly scopes: Readonly<Record<PrincipalRole, AccessScope>> }
  | { readonly kind: 'operation'; readonly roles: readonly PrincipalRole[] };

const publicRoute: RouteRule = { kind: 'public' };
const command = (...actions: AccessAction[]): RouteRule => ({ kind: 'command', actions });
const read = (...roles: PrincipalRole[]): RouteRule => ({ kind: 'read', roles });
const operation = (...roles: PrincipalRole[]): RouteRule => ({ kind: 'operation', roles });

const { system: _system, ...viewDialog } = accessTable.ViewDialog;
const staffReaders = read('operator', 'supervisor', 'admin', 'auditor');
const reviewers = read('supervisor', 'admin', 'auditor');
const webhookAdmins = read('admin');

export const routeAccessTable: Readonly<Record<string, RouteRule>> = {
  'GET /health': publicRoute,
  // Open like /health, or guarded by METRICS_TOKEN in the controller itself (see Observability).
  'GET /metrics': publicRoute,
  'GET /events/catalogue': publicRoute,
  'GET /events/catalogue/{type}': publicRoute,
  'GET /events/asyncapi': publicRoute,

  'POST /dialogs': command('OpenDialog'),
  // Per dialog in the body: each item answers its own 403 when the dialog is not the caller's.
  'POST /dialogs/bulk': command('CloseDialog', 'ForceCloseAsSpam', 'TransferToLine', 'TransferToOperator'),
  // The author in the body picks the action: client and bot messages are a service's, operator messages staff's.
  'POST /dialogs/{id}/messages': command('SendClientMessage', 'SendBotMessage', 'SendOperatorMessage'),
  'POST /dialogs/{id}/notes': command('AddNote'),
  'PUT /dialogs/{id}/assignee': command('AssignOperator'),
  'POST /dialogs/{id}/take': command('TakeIntoWork'),
  'POST /dialogs/{id}/join': command('JoinDialog'),
  'POST /dialogs/{id}/leave': command('LeaveDialog'),
  'POST /dialogs/{id}/transfer': command('TransferToLine', 'TransferToOperator'),
  'POST /dialogs/{id}/pin': command('PinDialog'),
  'POST /dialogs/{id}/unpin': command('UnpinDialog'),
  'POST /dialogs/{id}/close': command('CloseDialog', 'ForceCloseAsSpam'),
  'POST /dialogs/{id}/reopen': command('ReopenDialog'),
  'PUT /dialogs/{id}/tags/{tag}': command('AddTag'),
  'DELETE /dialogs/{id}/tags/{tag}': command('RemoveTag'),
  'PUT /dialogs/{id}/crm-link': command('SetCrmLink'),
  'PUT /dialogs/{id}/rating': command('RateDialog'),
  'PUT /dialogs/{id}/review': command('ReviewDialog'),
  'DELETE /dialogs/{id}': command('DeleteDialog'),
  'POST /operators': command('RegisterOperator'),
  'POST /operators/{id}/suspend': command('SuspendOperator'),
  'POST /operators/{id}/reactivate': command('ReactivateOperator'),
  'DELETE /operators/{id}': command('RemoveOperator'),
  'POST /lines': command('CreateLine'),
  'DELETE /lines/{id}': command('DeleteLine'),
  'PUT /lines/{id}/schedule': command('SetLineSchedule'),
  'DELETE /lines/{id}/schedule': command('ClearLineSchedule'),
  'POST /saved-replies': command('CreateSavedReply'),
  'PUT /saved-replies/{id}': command('EditSavedReply'),
  'DELETE /saved-replies/{id}': command('DeleteSavedReply'),
  'POST /dialogs/{id}/reminders': command('SetReminder'),
  'POST /reminders/{id}/complete': command('CompleteReminder'),
  'POST /reminders/{id}/cancel': command('CancelReminder'),
  'POST /clients/{clientId}/erase': command('EraseClientData'),

  'GET /dialogs': staffReaders,
  'GET /dialogs/{id}': { kind: 'dialog-read', scopes: viewDialog },
  // Services (channel integrations) read the public messages of any dialog to deliver them, never the notes.
  'GET /dialogs/{id}/messages': { kind: 'dialog-read', scopes: { ...viewDialog, service: 'any' } },
  'GET /dialogs/{id}/history': { kind: 'dialog-read', scopes: viewDialog },
  // The raw audit trail of one dialog: shown to whoever GET /dialogs/{id} shows the dialog to.
  'GET /dialogs/{id}/events': { kind: 'dialog-read', scopes: viewDialog },
  'GET /operators/workload': staffReaders,
  // Each reader sees the team's replies and their own personal ones; auditors have no use for them.
  'GET /saved-replies': read('operator', 'supervisor', 'admin'),
  // Only the caller's own reminders are ever listed.
  'GET /reminders': read('operator', 'supervisor', 'admin'),
  'GET /audit/assignments': reviewers,
  'GET /stats/response-times': reviewers,
  'GET /stats/first-responses': reviewers,
  // Which reply each operator leans on is a lead's question, as the other statistics are.
  'GET /stats/saved-replies': reviewers,
  // The log carries every team's conversations and notes: not for operators nor supervisors.
  'GET /events': read('service', 'admin', 'auditor'),
  'GET /projections': reviewers,
  'POST /projections/{name}/skip': operation('admin'),

  // A subscription receives every event it matches, notes and operators' data included: admins only.
  'POST /webhooks': operation('admin'),
  'GET /webhooks': webhookAdmins,
  'GET /webhooks/{id}': webhookAdmins,
  'DELETE /webhooks/{id}': operation('admin'),
  'POST /webhooks/{id}/pause': operation('admin'),
  'POST /webhooks/{id}/resume': operation('admin'),
  'GET /webhooks/{id}/deliveries': webhookAdmins,
  'GET /webhooks/{id}/dead-letters': webhookAdmins,
  'POST /webhooks/{id}/dead-letters/redeliver': operation('admin'),
  'POST /webhooks/{id}/dead-letters/{eventId}/redeliver': operation('admin'),
};

/** The roles that get past the edge on a route with this rule. */
export function rolesAllowedBy(rule: RouteRule): readonly PrincipalRole[] {
  switch (rule.kind) {
    case 'public':
      return principalRoles;
    case 'command':
      return principalRoles.filter((role) => rule.actions.some((action) => accessTable[action][role] !== 'none'));
    case 'read':
    case 'operation':
      return rule.roles;
    case 'dialog-read':
      return principalRoles.filter((role) => rule.scopes[role] !== 'none');
    default:
      return assertNever(rule);
  }
}
