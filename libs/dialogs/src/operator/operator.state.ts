import type { OperatorStatus } from './operator-availability';

export type RegisteredOperatorState = Readonly<{
  exists: true;
  operatorId: string;
  status: OperatorStatus;
  lineIds: readonly string[];
}>;

export type OperatorState = Readonly<{ exists: false }> | RegisteredOperatorState;

export const initialOperatorState: OperatorState = { exists: false };
