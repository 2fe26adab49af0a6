import type { Command, Request } from '../shared/command';

export type RegisterOperator = Command<'RegisterOperator', { operatorId: string; name: string; email?: string; lineIds: readonly string[] }>;
export type SuspendOperator = Command<'SuspendOperator', { operatorId: string }>;
export type ReactivateOperator = Command<'ReactivateOperator', { operatorId: string }>;
// Removing an operator unassigns their open dialogs; a process manager reacting to
// OperatorRemoved issues UnassignRemovedOperator on each of them.
export type RemoveOperator = Command<'RemoveOperator', { operatorId: string }>;

export type OperatorCommand = RegisterOperator | SuspendOperator | ReactivateOperator | RemoveOperator;

export type OperatorRequest = Request<OperatorCommand>;
