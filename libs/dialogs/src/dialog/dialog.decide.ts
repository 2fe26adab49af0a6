import { assertNever } from '../shared/assert-never';
import { occurredAtOf } from '../shared/occurred-at';
import type { DialogCommand, OpenDialog } from './dialog.commands';
import type { DialogEvent } from './dialog.events';
import type { DialogFacts } from './dialog.facts';
import { assignOperator, assignRoutedOperator, takeIntoWork, unassignRemovedOperator } from './dialog-assignment.decide';
import { rateDialog, reviewDialog } from './dialog-feedback.decide';
import { addTag, pinDialog, removeTag, setCrmLink, unpinDialog } from './dialog-labelling.decide';
import { deleteDialog, onDeletedDialog } from './dialog-deletion.decide';
import { closeDialog, finishClosing, forceCloseAsSpam, openDialog, reopenDialog } from './dialog-lifecycle.decide';
import { addNote, isRepeatedPost, sendMessage } from './dialog-messaging.decide';
import { joinDialog, leaveDialog } from './dialog-participation.decide';
import { transferToLine, transferToOperator } from './dialog-transfer.decide';
import { requireChronological, requireDialog } from './dialog.guards';
import type { DialogState, ExistingDialogState } from './dialog.state';

// Checks run in this order: a valid time, the dialog exists, a retried post is a no-op, the
// dialog is not deleted, time only moves forward, then the command's own rules (input first,
// then state).
export function decideDialog(command: DialogCommand, state: DialogState, facts: DialogFacts): DialogEvent[] {
  occurredAtOf(command); // throws on an invalid time before any rule compares it
  if (command.type === 'OpenDialog') return openDialog(command, state);
  const dialog = requireDialog(state, command.data.dialogId);
  // Before the time check: a retry carries the original time, which later events may have passed.
  if (isRepeatedPost(command, dialog)) return [];
  if (dialog.deleted) return onDeletedDialog(command, dialog);
  requireChronological(dialog, command.metadata.occurredAt);
  return decideOnExisting(command, dialog, facts);
}

function decideOnExisting(command: Exclude<DialogCommand, OpenDialog>, dialog: ExistingDialogState, facts: DialogFacts): DialogEvent[] {
  switch (command.type) {
    case 'SendMessage':
      return sendMessage(command, dialog, facts);
    case 'AddNote':
      return addNote(command, dialog);
    case 'AssignOperator':
      return assignOperator(command, dialog, facts);
    case 'AssignRoutedOperator':
      return assignRoutedOperator(command, dialog, facts);
    case 'TakeIntoWork':
      return takeIntoWork(command, dialog, facts);
    case 'JoinDialog':
      return joinDialog(command, dialog);
    case 'LeaveDialog':
      return leaveDialog(command, dialog);
    case 'TransferToLine':
      return transferToLine(command, dialog, facts);
    case 'TransferToOperator':
      return transferToOperator(command, dialog, facts);
    case 'AddTag':
      return addTag(command, dialog);
    case 'RemoveTag':
      return removeTag(command, dialog);
    case 'PinDialog':
      return pinDialog(command, dialog);
    case 'UnpinDialog':
      return unpinDialog(command, dialog);
    case 'SetCrmLink':
      return setCrmLink(command, dialog);
    case 'CloseDialog':
      return closeDialog(command, dialog);
    case 'FinishClosing':
      return finishClosing(command, dialog);
    case 'ForceCloseAsSpam':
      return forceCloseAsSpam(command, dialog);
    case 'ReopenDialog':
      return reopenDialog(command, dialog);
    case 'RateDialog':
      return rateDialog(command, dialog);
    case 'ReviewDialog':
      return reviewDialog(command, dialog);
    case 'DeleteDialog':
      return deleteDialog(command, dialog);
    case 'UnassignRemovedOperator':
      return unassignRemovedOperator(command, dialog);
    default:
      return assertNever(command);
  }
}
