import type { Event } from '../shared/event';

// A client is known by the id its channel gives it; its stream records what was done with its
// personal data. dialogIds: the dialogs whose read-model rows the erasure scrubs.
type ClientFact<Type extends string, Data = unknown> = Event<Type, Data & { clientId: string; occurredAt: string }>;

export type ClientDataErased = ClientFact<'ClientDataErased', { erasedBy: string; reason: string; dialogIds: readonly string[] }>;

export type ClientEvent = ClientDataErased;

export type ClientEventType = ClientEvent['type'];

export const clientEventSchemaVersions: Readonly<Record<ClientEventType, number>> = {
  ClientDataErased: 1,
};
