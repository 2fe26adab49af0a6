import { DIALOG_VIEW_COLUMNS } from '../list-dialogs/dialog-view';
import type { ReadDatabase } from '../shared/read-database';
import { keysetTableExport, type TableRow } from './keyset-table.export';
import type { TableExport } from './table-export';

/**
 * The dialog list, every column of the main screen (the view's, less the last position folded
 * in). Ordered by dialog number: unique, never changed, given in log order of the openings, so a
 * dialog that changes during an export keeps its place.
 */
export const dialogListExport = (db: ReadDatabase): TableExport<TableRow> =>
  keysetTableExport(db, {
    name: 'dialogs',
    table: 'read_models.dialog_list',
    select: DIALOG_VIEW_COLUMNS.filter((column) => column !== 'last_position'),
    timeColumns: ['created_at', 'last_changed_at', 'closed_at'],
    orderBy: [{ column: 'number', type: 'bigint' }],
    identity: [{ column: 'number', type: 'bigint' }],
  });
