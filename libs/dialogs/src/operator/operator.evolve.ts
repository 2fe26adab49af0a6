import { assertNever } from '../shared/assert-never';
import type { OperatorEvent } from './operator.events';
import type { OperatorState } from './operator.state';

export function evolveOperator(state: OperatorState, event: OperatorEvent): OperatorState {
  if (event.type === 'OperatorRegistered') {
    return { exists: true, operatorId: event.data.operatorId, status: 'active', lineIds: event.data.lineIds };
  }
  // A stream never starts with anything else; tolerating it keeps replays from crashing.
  if (!state.exists) return state;
  switch (event.type) {
    case 'OperatorSuspended':
      return { ...state, status: 'suspended' };
    case 'OperatorReactivated':
      return { ...state, status: 'active' };
    case 'OperatorRemoved':
      return { ...state, status: 'removed' };
    default:
      return assertNever(event);
  }
}
