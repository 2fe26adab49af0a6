import { occurredAtOf } from '../shared/occurred-at';
import type { JoinDialog, LeaveDialog } from './dialog.commands';
import type { DialogEvent } from './dialog.events';
import { dialogErrors } from './dialog.errors';
import { requireOpen } from './dialog.guards';
import type { ExistingDialogState } from './dialog.state';

export function joinDialog(command: JoinDialog, dialog: ExistingDialogState): DialogEvent[] {
  requireOpen(dialog);
  const operatorId = command.metadata.actor.id;
  if (dialog.assigneeId === operatorId || dialog.participants.includes(operatorId)) return [];
  return [
    {
      type: 'ParticipantJoined',
      data: { dialogId: dialog.dialogId, operatorId, reason: 'joined', occurredAt: occurredAtOf(command) },
    },
  ];
}

// Leaving is allowed on closed dialogs too: it only tidies the leaver's own list. Leaving says
// what happened or why it cannot: the assignee would stay assigned, so they transfer instead.
export function leaveDialog(command: LeaveDialog, dialog: ExistingDialogState): DialogEvent[] {
  const operatorId = command.metadata.actor.id;
  if (dialog.assigneeId === operatorId) throw dialogErrors.assigneeCannotLeave(dialog.dialogId, operatorId);
  if (!dialog.participants.includes(operatorId)) throw dialogErrors.notParticipant(dialog.dialogId, operatorId);
  return [
    {
      type: 'ParticipantLeft',
      data: { dialogId: dialog.dialogId, operatorId, reason: 'left', occurredAt: occurredAtOf(command) },
    },
  ];
}
