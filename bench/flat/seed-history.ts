import { randomUUID } from 'node:crypto';
import {
  Actor,
  DialogEvent,
  decideDialog,
  dialogStreamName,
  eventSchemaVersions,
  evolveDialog,
  initialDialogState,
  lineStreamName,
  noDialogFacts,
} from '@switchboard/dialogs';
import type { EventStore, EventToAppend } from '@switchboard/event-store';

const BATCH = 1000;
const channel: Actor = { kind: 'service', id: 'web-chat' };

/**
 * Grows a dialog that the API opened to `length` events with client messages, written straight
 * into the store (hash-chained, as the services write) instead of one HTTP command each: the
 * messages are what the domain decides from the dialog's state, so the API reads them as its own.
 */
export async function growDialog(store: EventStore, dialogId: string, length: number): Promise<void> {
  const streamId = dialogStreamName(dialogId);
  const recorded = await store.readStream(streamId);
  let state = recorded.reduce((s, e) => evolveDialog(s, e as unknown as DialogEvent), initialDialogState);
  let revision = BigInt(recorded.length - 1);
  for (let left = length - recorded.length; left > 0;) {
    const batch: EventToAppend[] = [];
    for (; left > 0 && batch.length < BATCH; left--) {
      const occurredAt = new Date(); // never before the open, nor after the next command
      const command = {
        type: 'SendMessage' as const,
        data: { dialogId, messageId: randomUUID(), author: { kind: 'client' as const }, text: 'where is my order?' },
        metadata: { actor: channel, occurredAt },
      };
      for (const event of decideDialog(command, state, noDialogFacts)) {
        state = evolveDialog(state, event);
        batch.push(envelope(event.type, event.data, 'SendMessage', occurredAt));
      }
    }
    revision = (await store.appendToStream(streamId, batch, { expectedRevision: revision })).nextRevision;
  }
}

/**
 * Gives a round-robin line a history of `count` routed dialogs, as the routing on open records
 * them on the line's stream, written straight into the store.
 */
export async function growLineHistory(store: EventStore, lineId: string, operatorIds: readonly string[], count: number): Promise<void> {
  const streamId = lineStreamName(lineId);
  let revision = BigInt((await store.readStream(streamId)).length - 1);
  for (let written = 0; written < count;) {
    const batch: EventToAppend[] = [];
    for (; written < count && batch.length < BATCH; written++) {
      const occurredAt = new Date(); // never before the open, nor after the next command
      const data = {
        lineId,
        dialogId: randomUUID(),
        operatorId: operatorIds[written % operatorIds.length],
        routingMode: 'round_robin',
        occurredAt: occurredAt.toISOString(),
      };
      batch.push(envelope('DialogRouted', data, 'RouteDialog', occurredAt, { kind: 'system', id: 'routing' }));
    }
    revision = (await store.appendToStream(streamId, batch, { expectedRevision: revision })).nextRevision;
  }
}

function envelope(type: string, data: object, commandType: string, occurredAt: Date, actor: Actor = channel): EventToAppend {
  const correlationId = randomUUID();
  return {
    id: randomUUID(),
    type,
    data: data as EventToAppend['data'],
    metadata: {
      actor: { ...actor },
      correlationId,
      causationId: correlationId,
      occurredAt: occurredAt.toISOString(),
      schemaVersion: eventSchemaVersions[type as keyof typeof eventSchemaVersions] ?? 1,
      commandType,
    },
  };
}
