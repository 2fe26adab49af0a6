import { assertNever } from '@switchboard/dialogs';
import { decodeCursor, encodeCursor } from '../shared/opaque-cursor';
import type { SortOrder } from '../shared/sort-order';
import { isTimestampText } from '../shared/timestamp-text';
import { dialogListSorts, isDialogListSortKey, type DialogListSortKey, type SortValueType } from './dialog-list-sort';

/**
 * Where a page of the list ends: the last row's sort value (as PostgreSQL prints it, so no
 * precision is lost) and its dialog id, which breaks ties. The sort and order travel along so
 * that a cursor is never applied to an order it was not made for.
 */
export type DialogListCursor = Readonly<{ sort: DialogListSortKey; order: SortOrder; value: string | null; dialogId: string }>;

export const encodeDialogListCursor = (cursor: DialogListCursor): string =>
  encodeCursor({ s: cursor.sort, o: cursor.order, v: cursor.value, id: cursor.dialogId });

/** The cursor, or undefined when it is not one this list made. */
export function decodeDialogListCursor(raw: string): DialogListCursor | undefined {
  const decoded = decodeCursor(raw);
  if (decoded === undefined) return undefined;
  const { s, o, v, id } = decoded;
  if (!isDialogListSortKey(s) || (o !== 'asc' && o !== 'desc') || typeof id !== 'string' || !isSafeId(id)) {
    return undefined;
  }
  if (v !== null && !(typeof v === 'string' && isSortValue(dialogListSorts[s].type, v))) return undefined;
  return { sort: s, order: o, value: v, dialogId: id };
}

// A forged cursor must fail here, as a 400, rather than as a failed cast in PostgreSQL.
function isSortValue(type: SortValueType, value: string): boolean {
  switch (type) {
    case 'timestamptz':
      return isTimestampText(value);
    case 'bigint':
      return isIntegerWithin(value, 9_223_372_036_854_775_807n);
    case 'integer':
      return isIntegerWithin(value, 2_147_483_647n);
    case 'smallint':
      return isIntegerWithin(value, 32_767n);
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'text':
      // PostgreSQL text cannot hold NUL.
      return value.length <= 1_000 && !value.includes('\u0000');
    default:
      return assertNever(type);
  }
}

const isIntegerWithin = (value: string, max: bigint): boolean => /^-?\d{1,19}$/.test(value) && BigInt(value) <= max && BigInt(value) >= -max - 1n;

const isSafeId = (id: string): boolean => id.length > 0 && id.length <= 200 && !id.includes('\u0000');
