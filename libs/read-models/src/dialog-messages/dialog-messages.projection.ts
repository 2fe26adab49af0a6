import { dialogReadModelFilter } from '../facts/recorded-fact';
import { DialogRowsProjection } from '../dialog-rows/dialog-rows.projection';
import { dialogMessagesDdl } from './dialog-messages.tables';
import { systemEntryEventTypes } from './dialog-system-entry';
import { dialogMessageRowOf, type DialogMessageRow } from './dialog-message.row';
import { DIALOG_MESSAGES_LINES_TABLE, DIALOG_MESSAGES_TABLE, insertDialogMessages, scrubDialogMessages } from './dialog-messages.writer';

/**
 * Each dialog's chat timeline: messages, notes and system entries; it reads only them and the
 * facts that place a dialog in a line or delete it. Version 2 added the system entries.
 */
export class DialogMessagesProjection extends DialogRowsProjection<DialogMessageRow> {
  constructor() {
    super(
      'read-models.dialog-messages',
      dialogReadModelFilter(['DialogOpened', 'MessageSent', 'NoteAdded', 'DialogDeleted', ...systemEntryEventTypes], { erasures: true }),
      {
        table: DIALOG_MESSAGES_TABLE,
        linesTable: DIALOG_MESSAGES_LINES_TABLE,
        version: 2,
        ddl: dialogMessagesDdl,
        rowOf: dialogMessageRowOf,
        insert: insertDialogMessages,
        scrub: scrubDialogMessages,
      },
    );
  }
}
