import type { OpenDialogData } from './dialog.commands';
import type { ExistingDialogState } from './dialog.state';

// A client who writes to a closed dialog starts a new one rather than reviving the old: the old
// dialog's metrics and rating stay final. The handler, on `dialog_closed` for a client message,
// opens this dialog and then posts the message there. A deleted dialog is replaced the same way
// (on `dialog_deleted`), but the new one does not link back: it would point at nothing.
export function followUpDialogFor(closed: ExistingDialogState, newDialogId: string): OpenDialogData {
  return {
    dialogId: newDialogId,
    direction: 'inbound',
    channel: closed.channel,
    lineId: closed.lineId,
    client: closed.clientName === null ? { id: closed.clientId } : { id: closed.clientId, name: closed.clientName },
    ...(closed.deleted ? {} : { previousDialogId: closed.dialogId }),
  };
}
