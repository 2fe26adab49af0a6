import { DialogRowsProjection } from '../dialog-rows/dialog-rows.projection';
import { dialogReadModelFilter } from '../facts/recorded-fact';
import { savedReplyUseRowOf, type SavedReplyUseRow } from './saved-reply-use.row';
import { savedReplyUsesDdl } from './saved-reply-uses.tables';
import { insertSavedReplyUses, SAVED_REPLY_USES_LINES_TABLE, SAVED_REPLY_USES_TABLE } from './saved-reply-uses.writer';

/** Each use of a saved reply; it reads only the uses and the facts that place a dialog in a line or delete it. */
export class SavedReplyUsesProjection extends DialogRowsProjection<SavedReplyUseRow> {
  constructor() {
    super('read-models.saved-reply-uses', dialogReadModelFilter(['DialogOpened', 'DialogTransferredToLine', 'SavedReplyUsed', 'DialogDeleted']), {
      table: SAVED_REPLY_USES_TABLE,
      linesTable: SAVED_REPLY_USES_LINES_TABLE,
      version: 1,
      ddl: savedReplyUsesDdl,
      rowOf: savedReplyUseRowOf,
      insert: insertSavedReplyUses,
    });
  }
}
