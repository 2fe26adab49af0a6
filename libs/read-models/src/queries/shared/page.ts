/** A page of a keyset-paginated answer; `nextCursor` is null on the last page. */
export type Page<Item> = Readonly<{ items: readonly Item[]; nextCursor: string | null }>;

/** Page sizes every paginated query accepts. */
export const PAGE_LIMITS = { min: 1, max: 200, default: 50 } as const;

/**
 * Queries fetch one row more than asked: its presence says there is a next page without a
 * count. The cursor is made from the last row kept, never from the extra one.
 */
export function pageOf<Row, Item>(rows: readonly Row[], limit: number, toItem: (row: Row) => Item, cursorOf: (row: Row) => string): Page<Item> {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return { items: kept.map(toItem), nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
