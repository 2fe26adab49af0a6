import type { Actor } from '@switchboard/dialogs';
import { dialogScopeOf, visibilityCondition } from '../shared/dialog-visibility';
import { SqlParams, type ReadDatabase } from '../shared/read-database';
import { dialogViewColumns, dialogViewOf, type DialogListSqlRow, type DialogView } from '../list-dialogs/dialog-view';

export type GetDialogQuery = Readonly<{ viewer: Actor; dialogId: string }>;

/**
 * One dialog as the list shows it, read from the list's table. Undefined when there is no such
 * dialog or the reader may not see it: the two answer alike, so nobody learns which dialogs exist.
 */
export class GetDialogHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ viewer, dialogId }: GetDialogQuery): Promise<DialogView | undefined> {
    const params = new SqlParams();
    const conditions = [`d.dialog_id = ${params.add(dialogId, 'text')}`];
    const visible = visibilityCondition(dialogScopeOf(viewer), viewer.id, params);
    if (visible !== null) conditions.push(visible);
    const rows = await this.db.query<DialogListSqlRow>(
      `SELECT ${dialogViewColumns('d')} FROM read_models.dialog_list d WHERE ${conditions.join(' AND ')}`,
      params.values,
    );
    return rows.length === 0 ? undefined : dialogViewOf(rows[0]);
  }
}
