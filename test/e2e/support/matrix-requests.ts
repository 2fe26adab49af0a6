import type { AccessAction } from '@switchboard/dialogs';
import type { PrincipalRole } from '@switchboard/api/auth/principal-role';
import { MATRIX_LINE, OWN_OPERATOR } from './matrix-fixtures';

export interface MatrixRequest {
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body?: object;
  /** The domain action the body asks for, when the route has several. */
  readonly action?: AccessAction;
}

export interface MatrixTarget {
  readonly role: PrincipalRole | null;
  readonly dialogId: string;
  readonly minPosition: string;
  readonly serial: number;
}

/** Routes whose answer depends on the dialog's owner: a dialog in the path, or in the body. */
export const isDialogScoped = (key: string): boolean => / \/dialogs\/\{id\}/.test(key) || key === 'POST /dialogs/bulk';

// Valid bodies where a 400 would hide the decision under test; any route not named here is
// called with its path filled in and an empty body, which still shows the role gate.
const bodies: Readonly<Record<string, (target: MatrixTarget) => Omit<MatrixRequest, 'path'>>> = {
  'POST /dialogs': () => ({ body: { direction: 'inbound', channel: 'web', lineId: MATRIX_LINE, client: { id: 'c-matrix' } } }),
  'POST /dialogs/bulk': ({ dialogId }) => ({ body: { action: 'close', dialogIds: [dialogId] } }),
  'POST /dialogs/{id}/messages': ({ role }) =>
    role === 'service'
      ? { body: { author: 'client', text: 'hello' }, action: 'SendClientMessage' }
      : { body: { author: 'operator', text: 'hello' }, action: 'SendOperatorMessage' },
  'POST /dialogs/{id}/notes': () => ({ body: { text: 'a note' } }),
  'PUT /dialogs/{id}/assignee': () => ({ body: { operatorId: OWN_OPERATOR } }),
  'POST /dialogs/{id}/transfer': () => ({ body: { toLineId: MATRIX_LINE }, action: 'TransferToLine' }),
  'PUT /dialogs/{id}/crm-link': () => ({ body: { kind: 'contact', id: 'crm-1' } }),
  'PUT /dialogs/{id}/rating': () => ({ body: { rating: 5 } }),
  'PUT /dialogs/{id}/review': () => ({ body: { score: 4, comment: 'fine' } }),
  'DELETE /dialogs/{id}': () => ({ body: { reason: 'matrix' } }),
  'POST /operators': ({ serial }) => ({ body: { operatorId: `op-new-${serial}`, name: 'New' } }),
  'POST /lines': ({ serial }) => ({ body: { lineId: `line-new-${serial}`, name: 'New', routingMode: 'manual' } }),
  'PUT /lines/{id}/schedule': () => ({ body: { timeZone: 'UTC', weekly: {} } }),
  // A personal reply: a team one would be the decider's 403 for operators, which is not the table's to say.
  'POST /saved-replies': () => ({ body: { scope: 'personal', title: 'Matrix', text: 'hello' } }),
  'PUT /saved-replies/{id}': () => ({ body: { title: 'Matrix', text: 'hello' } }),
  'POST /dialogs/{id}/reminders': () => ({ body: { dueAt: '2999-01-01T00:00:00Z', note: 'matrix' } }),
  'POST /clients/{clientId}/erase': () => ({ body: { reason: 'matrix' } }),
  'GET /events': () => ({ query: { limit: '1' } }),
  'GET /stats/response-times': () => ({ query: { groupBy: 'day' } }),
  'GET /stats/first-responses': () => ({ query: { groupBy: 'day' } }),
};

const GHOST_UUID = '00000000-0000-4000-8000-000000000000';

/** The `{id}` of a path: the cell's dialog, or something that names nothing (a webhook id must be a UUID). */
function idIn(path: string, dialogId: string): string {
  if (path.startsWith('/dialogs/')) return dialogId;
  if (path.startsWith('/lines/')) return 'ghost-line';
  if (path.startsWith('/webhooks/') || path.startsWith('/saved-replies/') || path.startsWith('/reminders/')) return GHOST_UUID;
  return 'op-ghost';
}

/** The request a role makes on a route in the matrix. Operators and lines named are absent: no cell changes the world others see. */
export function matrixRequest(key: string, target: MatrixTarget): MatrixRequest {
  const [, path] = key.split(' ');
  const params: Record<string, string> = {
    id: idIn(path, target.dialogId),
    // Unknown but well-formed, so an admin gets past validation to the handler's 404.
    eventId: GHOST_UUID,
    tag: 'vip',
    type: 'DialogOpened',
    name: 'no-such-projection',
    // No dialog of the matrix has this client: an admin gets past the gate to the handler's 404.
    clientId: 'c-matrix-ghost',
  };
  const filled = path.replace(/\{(\w+)\}/g, (_match, name: string) => params[name] ?? name);
  const extra = bodies[key]?.(target) ?? {};
  const query = path.startsWith('/dialogs/{id}') && key.startsWith('GET ') ? { minPosition: target.minPosition } : undefined;
  return { path: filled, ...(query ? { query } : {}), ...extra };
}
