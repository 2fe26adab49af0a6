import type { Decider } from '../shared/decider';
import type { OperatorCommand } from './operator.commands';
import { decideOperator } from './operator.decide';
import type { OperatorEvent } from './operator.events';
import { evolveOperator } from './operator.evolve';
import { initialOperatorState, type OperatorState } from './operator.state';

export const operatorDecider: Decider<OperatorCommand, OperatorEvent, OperatorState> = {
  decide: decideOperator,
  evolve: evolveOperator,
  initialState: initialOperatorState,
};
