import { accessTable, assertNever, type AccessScope, type Actor } from '@switchboard/dialogs';
import { SqlParams, type ReadDatabase } from './read-database';

/**
 * Which dialogs a reader sees follows the domain's ViewDialog rule, so a screen never shows a
 * dialog its reader could not act on, nor hides one they could: supervisors, admins and
 * auditors see every dialog; an operator sees the dialogs assigned to them, those they take
 * part in, and unassigned ones (any operator may answer those, and the first to reply gets the
 * dialog); services see none.
 */
export const dialogScopeOf = (viewer: Actor): AccessScope => accessTable.ViewDialog[viewer.kind];

/**
 * The scope as a condition on read_models.dialog_list (aliased `alias`); null when every row
 * is visible. It states the domain's isOwnDialog on the list's columns.
 */
export function visibilityCondition(scope: AccessScope, viewerId: string, params: SqlParams, alias = 'd'): string | null {
  switch (scope) {
    case 'any':
      return null;
    case 'none':
      return 'false';
    case 'own': {
      const me = params.add(viewerId, 'text');
      return `(${alias}.assignee_id IS NULL OR ${alias}.assignee_id = ${me} OR ${me} = ANY(${alias}.participants))`;
    }
    default:
      return assertNever(scope);
  }
}

/** Whether the dialog is listed and within `scope` for this reader: what a dialog's sub-resources check first. */
export async function isDialogVisible(db: ReadDatabase, dialogId: string, scope: AccessScope, viewerId: string): Promise<boolean> {
  const params = new SqlParams();
  const id = params.add(dialogId, 'text');
  const visible = visibilityCondition(scope, viewerId, params);
  const rows = await db.query<{ found: number }>(
    `SELECT 1 AS found FROM read_models.dialog_list d WHERE d.dialog_id = ${id}${visible === null ? '' : ` AND ${visible}`}`,
    params.values,
  );
  return rows.length > 0;
}
