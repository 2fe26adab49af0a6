import type { OperatorAvailability } from '../operator/operator-availability';
import { assertNever } from '../shared/assert-never';
import { dialogErrors } from './dialog.errors';
import type { DialogState, ExistingDialogState } from './dialog.state';

export function requireDialog(state: DialogState, dialogId: string): ExistingDialogState {
  if (!state.exists) throw dialogErrors.notFound(dialogId);
  return state;
}

// Metrics subtract occurredAt values; an event dated before its predecessor would make
// intervals negative, so the stream's time only moves forward.
export function requireChronological(dialog: ExistingDialogState, occurredAt: Date): void {
  if (occurredAt.getTime() < dialog.lastOccurredAt.getTime()) {
    throw dialogErrors.occurredAtBeforeLastEvent(dialog.dialogId, occurredAt, dialog.lastOccurredAt);
  }
}

// `closing` already counts as closed: the operator has finished, only the rating is pending.
export function requireOpen(dialog: ExistingDialogState): void {
  if (dialog.status !== 'open') throw dialogErrors.closed(dialog.dialogId);
}

export function requireAvailableOperator(operatorId: string, availability: OperatorAvailability): void {
  switch (availability) {
    case 'active':
      return;
    case 'suspended':
      throw dialogErrors.operatorSuspended(operatorId);
    case 'removed':
    case 'unknown':
      throw dialogErrors.operatorNotAvailable(operatorId, availability);
    default:
      return assertNever(availability);
  }
}
