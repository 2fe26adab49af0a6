import { occurredAtOf } from '../shared/occurred-at';
import type { JoinDialog, LeaveDialog } from './dialog.commands';
import type { DialogEvent } from './dialog.events';
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

// Leaving is allowed on closed dialogs too: it only tidies the leaver's own list.
export function leaveDialog(command: LeaveDialog, dialog: ExistingDialogState): DialogEvent[] {
  const operatorId = command.metadata.actor.id;
  if (!dialog.participants.includes(operatorId)) return [];
  return [
    {
      type: 'ParticipantLeft',
      data: { dialogId: dialog.dialogId, operatorId, reason: 'left', occurredAt: occurredAtOf(command) },
    },
  ];
}
