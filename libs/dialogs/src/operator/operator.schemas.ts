import { identifier, instant, listOf, nullable, record, text, type EventSchemaEntry, type JsonSchema } from '../shared/json-schema';
import type { OperatorEventType } from './operator.events';

const operatorData = (properties: Readonly<Record<string, JsonSchema>> = {}): JsonSchema =>
  record({ operatorId: identifier, ...properties, occurredAt: instant });

export const operatorEventSchemas: Readonly<Record<OperatorEventType, EventSchemaEntry>> = {
  OperatorRegistered: {
    description: 'An operator was registered, with the lines they work in.',
    versions: { 1: operatorData({ name: identifier, email: nullable(text), lineIds: listOf(identifier, { uniqueItems: true }) }) },
  },
  OperatorSuspended: {
    description: 'The operator may no longer reply, take or be assigned; they stay assigned.',
    versions: { 1: operatorData() },
  },
  OperatorReactivated: { description: 'A suspended operator may work again.', versions: { 1: operatorData() } },
  OperatorRemoved: {
    description: 'The operator was removed; their open dialogs are unassigned by a reaction.',
    versions: { 1: operatorData() },
  },
};
