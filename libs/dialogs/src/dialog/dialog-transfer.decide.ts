import { occurredAtOf } from '../shared/occurred-at';
import { requireNonBlank } from '../shared/validation';
import type { TransferToLine, TransferToOperator } from './dialog.commands';
import { dialogErrors } from './dialog.errors';
import type { DialogEvent } from './dialog.events';
import { lineExistsIn, operatorStatusIn, type DialogFacts } from './dialog.facts';
import { operatorAssigned, operatorUnassigned } from './dialog-event.factories';
import { requireAvailableOperator, requireOpen } from './dialog.guards';
import type { ExistingDialogState } from './dialog.state';

// Transferring to the dialog's own line is allowed: it is how an operator hands a dialog back to
// the queue.
export function transferToLine(command: TransferToLine, dialog: ExistingDialogState, facts: DialogFacts): DialogEvent[] {
  requireOpen(dialog);
  const { toLineId } = command.data;
  requireNonBlank({ toLineId });
  if (!lineExistsIn(facts, toLineId)) throw dialogErrors.targetLineNotFound(toLineId);
  const occurredAt = occurredAtOf(command);
  return [
    ...(dialog.assigneeId === null ? [] : [operatorUnassigned(dialog, dialog.assigneeId, 'transferred_to_line', occurredAt)]),
    {
      type: 'DialogTransferredToLine',
      data: { dialogId: dialog.dialogId, fromLineId: dialog.lineId, toLineId, occurredAt },
    },
  ];
}

export function transferToOperator(command: TransferToOperator, dialog: ExistingDialogState, facts: DialogFacts): DialogEvent[] {
  requireOpen(dialog);
  const { operatorId } = command.data;
  if (operatorId === dialog.assigneeId) return [];
  requireAvailableOperator(operatorId, operatorStatusIn(facts, operatorId));
  return [operatorAssigned(dialog, operatorId, 'transfer', occurredAtOf(command))];
}
