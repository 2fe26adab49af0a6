import { assertNever } from '../shared/assert-never';
import { occurredAtOf } from '../shared/occurred-at';
import { requireNonBlank } from '../shared/validation';
import type { OperatorCommand, RegisterOperator } from './operator.commands';
import { operatorErrors } from './operator.errors';
import type { OperatorEvent } from './operator.events';
import type { OperatorState, RegisteredOperatorState } from './operator.state';

export function decideOperator(command: OperatorCommand, state: OperatorState): OperatorEvent[] {
  const occurredAt = occurredAtOf(command);
  const { operatorId } = command.data;
  switch (command.type) {
    case 'RegisterOperator':
      return register(command, state, occurredAt);
    case 'SuspendOperator':
      if (requireChangeable(state, operatorId).status !== 'active') throw operatorErrors.notActive(operatorId);
      return [{ type: 'OperatorSuspended', data: { operatorId, occurredAt } }];
    case 'ReactivateOperator':
      if (requireChangeable(state, operatorId).status !== 'suspended') {
        throw operatorErrors.notSuspended(operatorId);
      }
      return [{ type: 'OperatorReactivated', data: { operatorId, occurredAt } }];
    case 'RemoveOperator':
      requireChangeable(state, operatorId);
      return [{ type: 'OperatorRemoved', data: { operatorId, occurredAt } }];
    default:
      return assertNever(command);
  }
}

function register(command: RegisterOperator, state: OperatorState, occurredAt: string): OperatorEvent[] {
  const { operatorId, name, email, lineIds } = command.data;
  if (state.exists) throw operatorErrors.alreadyExists(operatorId);
  requireNonBlank({ operatorId, name });
  return [
    {
      type: 'OperatorRegistered',
      data: { operatorId, name, email: email ?? null, lineIds: [...new Set(lineIds)], occurredAt },
    },
  ];
}

// Removal is final: a removed operator's id must never come back to life with old history.
function requireChangeable(state: OperatorState, operatorId: string): RegisteredOperatorState {
  if (!state.exists) throw operatorErrors.notFound(operatorId);
  if (state.status === 'removed') throw operatorErrors.removed(operatorId);
  return state;
}
