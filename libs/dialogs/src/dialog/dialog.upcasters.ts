import { actorKinds, personOf, type Actor } from '../shared/actor';
import type { EventUpcaster, StoredPayload } from '../shared/upcaster';

const isActor = (value: unknown): value is Actor => {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, id } = value as Record<string, unknown>;
  return typeof id === 'string' && (actorKinds as readonly unknown[]).includes(kind);
};

/**
 * Version 1 of DialogReopened left who reopened it to the metadata's actor; version 2 names
 * them in data, as DialogClosed names closedBy. The actor is exactly what the decision used,
 * so old events get the value they would have been recorded with.
 */
const dialogReopenedV1: EventUpcaster = {
  type: 'DialogReopened',
  fromVersion: 1,
  upcast: (data: StoredPayload, metadata: StoredPayload) => ({
    ...data,
    reopenedBy: isActor(metadata.actor) ? personOf(metadata.actor) : null,
  }),
};

export const dialogEventUpcasters: readonly EventUpcaster[] = [dialogReopenedV1];
