import type { Event } from '../shared/event';

type OperatorFact<Type extends string, Data = unknown> = Event<Type, Data & { operatorId: string; occurredAt: string }>;

export type OperatorRegistered = OperatorFact<'OperatorRegistered', { name: string; email: string | null; lineIds: readonly string[] }>;
export type OperatorSuspended = OperatorFact<'OperatorSuspended'>;
export type OperatorReactivated = OperatorFact<'OperatorReactivated'>;
export type OperatorRemoved = OperatorFact<'OperatorRemoved'>;

export type OperatorEvent = OperatorRegistered | OperatorSuspended | OperatorReactivated | OperatorRemoved;

export type OperatorEventType = OperatorEvent['type'];

export const operatorEventSchemaVersions: Readonly<Record<OperatorEventType, number>> = {
  OperatorRegistered: 1,
  OperatorSuspended: 1,
  OperatorReactivated: 1,
  OperatorRemoved: 1,
};
