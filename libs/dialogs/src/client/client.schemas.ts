import { identifier, instant, listOf, record, text, uuid, type EventSchemaEntry } from '../shared/json-schema';
import type { ClientEventType } from './client.events';
import { MAX_ERASURE_REASON } from './client-erasure.decide';

export const clientEventSchemas: Readonly<Record<ClientEventType, EventSchemaEntry>> = {
  ClientDataErased: {
    description:
      'An admin erased the client’s personal data: its key is destroyed, so every personal field of its events reads as "[erased]" from now on; read models scrub the listed dialogs.',
    versions: {
      1: record({
        clientId: identifier,
        erasedBy: identifier,
        reason: { ...text, minLength: 1, maxLength: MAX_ERASURE_REASON },
        dialogIds: listOf(uuid, { uniqueItems: true }),
        occurredAt: instant,
      }),
    },
  },
};
