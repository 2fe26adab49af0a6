import { personOf } from '../shared/actor';
import { occurredAtOf } from '../shared/occurred-at';
import { requireNonBlank } from '../shared/validation';
import type { CloseDialog, FinishClosing, ForceCloseAsSpam, OpenDialog, ReopenDialog } from './dialog.commands';
import { dialogErrors } from './dialog.errors';
import type { DialogEvent } from './dialog.events';
import { requireOpen } from './dialog.guards';
import type { DialogState, ExistingDialogState } from './dialog.state';

export function openDialog(command: OpenDialog, state: DialogState): DialogEvent[] {
  const { data } = command;
  if (state.exists) throw dialogErrors.alreadyExists(data.dialogId);
  requireNonBlank({
    dialogId: data.dialogId,
    channel: data.channel,
    lineId: data.lineId,
    'client.id': data.client.id,
  });
  return [
    {
      type: 'DialogOpened',
      data: {
        dialogId: data.dialogId,
        direction: data.direction,
        channel: data.channel,
        lineId: data.lineId,
        client: { id: data.client.id, name: data.client.name ?? null },
        pageUrl: data.pageUrl ?? null,
        formFilled: data.formFilled ?? false,
        historyRequested: data.historyRequested ?? false,
        previousDialogId: data.previousDialogId ?? null,
        occurredAt: occurredAtOf(command),
      },
    },
  ];
}

export function closeDialog(command: CloseDialog, dialog: ExistingDialogState): DialogEvent[] {
  requireOpen(dialog);
  // A client rates only once; waiting for a second rating would just park the dialog in
  // `closing` until the timeout.
  const awaitingRating = (command.data.awaitingRating ?? false) && !dialog.hasClientRating;
  return [
    {
      type: 'DialogClosed',
      data: {
        dialogId: dialog.dialogId,
        closedBy: personOf(command.metadata.actor),
        awaitingRating,
        occurredAt: occurredAtOf(command),
      },
    },
  ];
}

// A timeout may fire after the client rated, or after a reopen; it then has nothing left to do.
export function finishClosing(command: FinishClosing, dialog: ExistingDialogState): DialogEvent[] {
  if (dialog.detailedStatus !== 'closing') return [];
  return [
    {
      type: 'DialogClosed',
      data: { dialogId: dialog.dialogId, closedBy: null, awaitingRating: false, occurredAt: occurredAtOf(command) },
    },
  ];
}

export function forceCloseAsSpam(command: ForceCloseAsSpam, dialog: ExistingDialogState): DialogEvent[] {
  if (dialog.detailedStatus === 'closed' || dialog.detailedStatus === 'spam') {
    throw dialogErrors.closed(dialog.dialogId);
  }
  return [
    {
      type: 'DialogClosedAsSpam',
      data: {
        dialogId: dialog.dialogId,
        closedBy: personOf(command.metadata.actor),
        occurredAt: occurredAtOf(command),
      },
    },
  ];
}

// A `closing` dialog is still waiting for its rating; reopening it would lose that rating.
export function reopenDialog(command: ReopenDialog, dialog: ExistingDialogState): DialogEvent[] {
  if (dialog.detailedStatus !== 'closed' && dialog.detailedStatus !== 'spam') {
    throw dialogErrors.notClosed(dialog.dialogId);
  }
  return [
    {
      type: 'DialogReopened',
      data: { dialogId: dialog.dialogId, reopenedBy: personOf(command.metadata.actor), occurredAt: occurredAtOf(command) },
    },
  ];
}
