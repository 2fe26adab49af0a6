import type { OperatorAssigned, OperatorUnassigned } from './dialog.events';
import type { ExistingDialogState } from './dialog.state';
import type { AssignmentReason, UnassignmentReason } from './dialog.values';

// Several decisions assign or unassign; building the event in one place keeps previousOperatorId
// (the auditors' trail) filled the same way everywhere.
export const operatorAssigned = (dialog: ExistingDialogState, operatorId: string, reason: AssignmentReason, occurredAt: string): OperatorAssigned => ({
  type: 'OperatorAssigned',
  data: { dialogId: dialog.dialogId, operatorId, previousOperatorId: dialog.assigneeId, reason, occurredAt },
});

export const operatorUnassigned = (
  dialog: ExistingDialogState,
  previousOperatorId: string,
  reason: UnassignmentReason,
  occurredAt: string,
): OperatorUnassigned => ({
  type: 'OperatorUnassigned',
  data: { dialogId: dialog.dialogId, previousOperatorId, reason, occurredAt },
});
