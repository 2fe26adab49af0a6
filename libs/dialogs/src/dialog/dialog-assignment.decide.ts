import { occurredAtOf } from '../shared/occurred-at';
import type { AssignOperator, AssignRoutedOperator, TakeIntoWork, UnassignRemovedOperator } from './dialog.commands';
import type { DialogEvent } from './dialog.events';
import { operatorStatusIn, type DialogFacts } from './dialog.facts';
import { operatorAssigned, operatorUnassigned } from './dialog-event.factories';
import { requireAvailableOperator, requireOpen } from './dialog.guards';
import type { ExistingDialogState } from './dialog.state';

export function assignOperator(command: AssignOperator, dialog: ExistingDialogState, facts: DialogFacts): DialogEvent[] {
  requireOpen(dialog);
  const occurredAt = occurredAtOf(command);
  const { data } = command;
  if (data.operatorId === null) {
    return dialog.assigneeId === null ? [] : [operatorUnassigned(dialog, dialog.assigneeId, 'manual', occurredAt)];
  }
  // Re-assigning the current assignee changes nothing, even if they were suspended meanwhile.
  if (data.operatorId === dialog.assigneeId) return [];
  requireAvailableOperator(data.operatorId, operatorStatusIn(facts, data.operatorId));
  const reason = data.operatorId === command.metadata.actor.id ? 'self' : 'manual';
  return [operatorAssigned(dialog, data.operatorId, reason, occurredAt)];
}

// Routing arrives after the fact; if someone answered or closed the dialog in the meantime, the
// people already on it win and the routing result is dropped.
export function assignRoutedOperator(command: AssignRoutedOperator, dialog: ExistingDialogState, facts: DialogFacts): DialogEvent[] {
  if (dialog.status !== 'open' || dialog.assigneeId !== null) return [];
  requireAvailableOperator(command.data.operatorId, operatorStatusIn(facts, command.data.operatorId));
  return [operatorAssigned(dialog, command.data.operatorId, 'routing', occurredAtOf(command))];
}

export function takeIntoWork(command: TakeIntoWork, dialog: ExistingDialogState, facts: DialogFacts): DialogEvent[] {
  requireOpen(dialog);
  const operatorId = command.metadata.actor.id;
  requireAvailableOperator(operatorId, operatorStatusIn(facts, operatorId));
  const alreadyAssignee = dialog.assigneeId === operatorId;
  if (alreadyAssignee && dialog.detailedStatus === 'in_work') return [];
  const occurredAt = occurredAtOf(command);
  return [
    ...(alreadyAssignee ? [] : [operatorAssigned(dialog, operatorId, 'take', occurredAt)]),
    { type: 'DialogTakenIntoWork', data: { dialogId: dialog.dialogId, operatorId, occurredAt } },
  ];
}

// Closing and closed dialogs keep their people: the history should show who handled them.
export function unassignRemovedOperator(command: UnassignRemovedOperator, dialog: ExistingDialogState): DialogEvent[] {
  if (dialog.status !== 'open') return [];
  const { operatorId } = command.data;
  const occurredAt = occurredAtOf(command);
  const events: DialogEvent[] = [];
  if (dialog.assigneeId === operatorId) {
    events.push(operatorUnassigned(dialog, operatorId, 'operator_removed', occurredAt));
  }
  if (dialog.participants.includes(operatorId)) {
    events.push({
      type: 'ParticipantLeft',
      data: { dialogId: dialog.dialogId, operatorId, reason: 'operator_removed', occurredAt },
    });
  }
  return events;
}
