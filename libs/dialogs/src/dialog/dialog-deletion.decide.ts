import { occurredAtOf } from '../shared/occurred-at';
import { requireNonBlank } from '../shared/validation';
import type { DeleteDialog, DialogCommand } from './dialog.commands';
import { dialogErrors } from './dialog.errors';
import type { DialogEvent } from './dialog.events';
import type { ExistingDialogState } from './dialog.state';
import { MAX_DELETION_REASON } from './dialog.values';

// Whatever its status: a dialog is deleted because it should not have been kept (a test, a
// wrong channel, a client's request), not because its work is done.
export function deleteDialog(command: DeleteDialog, dialog: ExistingDialogState): DialogEvent[] {
  const { reason } = command.data;
  requireNonBlank({ reason });
  if (reason.length > MAX_DELETION_REASON) throw dialogErrors.deletionReasonTooLong(MAX_DELETION_REASON);
  return [
    {
      type: 'DialogDeleted',
      data: { dialogId: dialog.dialogId, deletedBy: command.metadata.actor.id, reason, occurredAt: occurredAtOf(command) },
    },
  ];
}

// The system's reactions (a rating timeout, an operator's removal, routing) may still be under
// way when an admin deletes the dialog: they find nothing left to do, rather than failing the
// process that issued them.
const systemReactions: ReadonlySet<DialogCommand['type']> = new Set(['FinishClosing', 'UnassignRemovedOperator', 'AssignRoutedOperator']);

/** What a command on a deleted dialog decides: nothing for a reaction, a refusal for anyone else. */
export function onDeletedDialog(command: DialogCommand, dialog: ExistingDialogState): DialogEvent[] {
  if (systemReactions.has(command.type)) return [];
  throw dialogErrors.deleted(dialog.dialogId);
}
