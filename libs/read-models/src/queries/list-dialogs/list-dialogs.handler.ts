import { dialogScopeOf, visibilityCondition } from '../shared/dialog-visibility';
import { pageOf, type Page } from '../shared/page';
import { SqlParams, type ReadDatabase } from '../shared/read-database';
import { encodeDialogListCursor } from './dialog-list-cursor';
import { dialogListFilterConditions } from './dialog-list-filters.sql';
import { dialogListAfter, dialogListOrderBy, dialogListSortValue } from './dialog-list-keyset.sql';
import { dialogViewColumns, dialogViewOf, type DialogListSqlRow, type DialogView } from './dialog-view';
import type { ListDialogsQuery } from './list-dialogs.query';

type ListedRow = DialogListSqlRow & Readonly<{ sort_value: string | null }>;

/** The dialog list: the reader's visible dialogs, filtered, in one keyset-paginated order. */
export class ListDialogsHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(query: ListDialogsQuery): Promise<Page<DialogView>> {
    const { viewer, sort, order, limit, cursor } = query;
    if (cursor !== undefined && (cursor.sort !== sort || cursor.order !== order)) {
      // The edge refuses such a cursor with a 400; reaching here is a wiring mistake.
      throw new Error(`a cursor for ${cursor.sort} ${cursor.order} cannot page ${sort} ${order}`);
    }
    const params = new SqlParams();
    const conditions = dialogListFilterConditions(query.filters, viewer, params);
    const visible = visibilityCondition(dialogScopeOf(viewer), viewer.id, params);
    if (visible !== null) conditions.push(visible);
    if (cursor !== undefined) conditions.push(dialogListAfter(cursor, params));

    const rows = await this.db.query<ListedRow>(
      `SELECT ${dialogViewColumns('d')}, ${dialogListSortValue(sort)} AS sort_value
         FROM read_models.dialog_list d
        ${conditions.length > 0 ? `WHERE ${conditions.join('\n          AND ')}` : ''}
        ORDER BY ${dialogListOrderBy(sort, order, !narrowsByDate(query))}
        LIMIT ${params.add(limit + 1, 'integer')}`,
      params.values,
    );
    return pageOf(rows, limit, dialogViewOf, (row) => encodeDialogListCursor({ sort, order, value: row.sort_value, dialogId: row.dialog_id }));
  }
}

/**
 * A date range on creation or closing picks a slice of the list whose last activity lies close
 * together, deep inside the activity index. Walking that index to find them reads most of it,
 * which the planner cannot foresee (it assumes the two dates independent); reading the range's
 * own index and sorting the slice is far cheaper, so the sort is kept off the index then.
 */
function narrowsByDate({ filters, sort }: ListDialogsQuery): boolean {
  const narrowed = (range: { from?: Date; to?: Date } | undefined) => range?.from !== undefined && range?.to !== undefined;
  return (narrowed(filters.created) || narrowed(filters.closed)) && sort !== 'createdAt' && sort !== 'closedAt';
}
