import type { Assert, Column, SameKeys } from '../shared/json-columns';
import type { DialogListRow } from './dialog-list.row';
import { dialogListColumns, type DialogListColumn } from './dialog-list.tables';

// What a row sends: every column but the vector, and the words the vector is made of.
type SentName = Exclude<DialogListColumn, readonly [string, string, string, 'search']>[0] | 'search_text';

/** The columns sent for each row: the table's, with the search vector's words in its place. */
export const sentColumns: readonly Column<DialogListRow>[] = [
  ...dialogListColumns.flatMap(([name, type, , role]): Column<DialogListRow>[] => (role === 'search' ? [] : [[name as SentName, type]])),
  ['search_text', 'text'],
];

/** Compiles only while the row type and the table's description name the same columns. */
export type DialogListRowMatchesTable = Assert<SameKeys<keyof DialogListRow, SentName>>;
