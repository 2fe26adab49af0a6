import { dialogReadModelFilter } from '../facts/recorded-fact';
import { DialogRowsProjection } from '../dialog-rows/dialog-rows.projection';
import { dialogMessagesDdl } from './dialog-messages.tables';
import { dialogMessageRowOf, type DialogMessageRow } from './dialog-message.row';
import { DIALOG_MESSAGES_LINES_TABLE, DIALOG_MESSAGES_TABLE, insertDialogMessages } from './dialog-messages.writer';

/** Messages and notes of each dialog; it reads only them and the facts that place a dialog in a line. */
export class DialogMessagesProjection extends DialogRowsProjection<DialogMessageRow> {
  constructor() {
    super(
      'read-models.dialog-messages',
      dialogReadModelFilter(['DialogOpened', 'DialogTransferredToLine', 'MessageSent', 'NoteAdded']),
      {
        table: DIALOG_MESSAGES_TABLE,
        linesTable: DIALOG_MESSAGES_LINES_TABLE,
        version: 1,
        ddl: dialogMessagesDdl,
        rowOf: dialogMessageRowOf,
        insert: insertDialogMessages,
      },
    );
  }
}
