import type { SqlParams } from '../shared/read-database';
import type { DialogListCursor } from './dialog-list-cursor';
import type { SortOrder } from '../shared/sort-order';
import { dialogListSorts, type DialogListSortKey, type SortValueType } from './dialog-list-sort';

/**
 * Null sorts as the greatest value, PostgreSQL's own default: last going up, first going down.
 * So the order needs no COALESCE, the default order (last_changed_at DESC, dialog_id DESC) is
 * the list's index as it stands, and the keyset below is the same rule written as a condition.
 * The dialog id breaks ties in the direction of the sort, so every row has one place.
 */
export function dialogListOrderBy(sort: DialogListSortKey, order: SortOrder, sortByIndex = true): string {
  const { column } = dialogListSorts[sort];
  // An expression equal to the column keeps the planner off its index (see ListDialogsHandler).
  const key = sortByIndex ? `d.${column}` : notIndexed(`d.${column}`, dialogListSorts[sort].type);
  return order === 'asc' ? `${key} ASC NULLS LAST, d.dialog_id ASC` : `${key} DESC NULLS FIRST, d.dialog_id DESC`;
}

/** The same value, as an expression no index covers; cheap, unlike a cast through text. */
function notIndexed(column: string, type: SortValueType): string {
  switch (type) {
    case 'timestamptz':
      return `(${column} + interval '0')`;
    case 'bigint':
    case 'integer':
    case 'smallint':
      return `(${column} + 0)`;
    case 'text':
      return `(${column} || '')`;
    case 'boolean':
      return `(${column} AND true)`;
  }
}

/** The rows strictly after the cursor in that order. */
export function dialogListAfter(cursor: DialogListCursor, params: SqlParams): string {
  const { column, type } = dialogListSorts[cursor.sort];
  const col = `d.${column}`;
  const id = params.add(cursor.dialogId, 'text');
  if (cursor.value === null) {
    // Inside the nulls: going up they are the tail, so only later ids of them remain; going down
    // they are the head, so later ids of them and then every non-null value remain.
    return cursor.order === 'asc' ? `(${col} IS NULL AND d.dialog_id > ${id})` : `(${col} IS NOT NULL OR d.dialog_id < ${id})`;
  }
  const value = params.add(cursor.value, type);
  // A row comparison with a null column is null, never true: nulls are added back going up.
  return cursor.order === 'asc' ? `((${col}, d.dialog_id) > (${value}, ${id}) OR ${col} IS NULL)` : `((${col}, d.dialog_id) < (${value}, ${id}))`;
}

/** The sort column as PostgreSQL prints it, for the next cursor: text keeps timestamps' microseconds. */
export const dialogListSortValue = (sort: DialogListSortKey): string => `d.${dialogListSorts[sort].column}::text`;
