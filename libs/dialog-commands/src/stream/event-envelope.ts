import { randomUUID } from 'node:crypto';
import { eventSchemaVersions, isEventType } from '@switchboard/dialogs';
import type { EventToAppend, JsonObject } from '@switchboard/event-store';
import type { RequestContext } from '../request-context';
import { deterministicId } from './deterministic-id';

/** The metadata every stored event carries; auditors and projections rely on its shape. */
export interface EventMetadata {
  actor: { kind: string; id: string };
  correlationId: string;
  causationId: string;
  occurredAt: string;
  schemaVersion: number;
  commandType: string;
  idempotencyKey?: string;
}

export interface DomainEventLike {
  type: string;
  data: object;
}

/**
 * Wraps decided events for the store. With an idempotency key the ids derive from it, the
 * principal (two principals' keys never collide) and the command: one request may make two
 * commands on one stream (a follow-up's open and its message), and the store takes an event id
 * it already holds for a repeated append, so the second command's events need ids of their own.
 * Without a key the ids are random.
 */
export function toEventsToAppend(
  streamId: string,
  events: readonly DomainEventLike[],
  context: RequestContext,
  commandType: string,
  occurredAt: Date,
): EventToAppend[] {
  const { actor, idempotencyKey } = context;
  return events.map((event, index) => {
    const metadata: EventMetadata = {
      actor: { kind: actor.kind, id: actor.id },
      correlationId: context.correlationId,
      causationId: context.causationId ?? context.correlationId,
      occurredAt: occurredAt.toISOString(),
      schemaVersion: isEventType(event.type) ? eventSchemaVersions[event.type] : 1,
      commandType,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    };
    return {
      id: idempotencyKey ? deterministicId(`${actor.kind}:${actor.id}:${idempotencyKey}:${streamId}:${commandType}:${index}`) : randomUUID(),
      type: event.type,
      data: event.data as JsonObject,
      metadata: metadata as unknown as JsonObject,
    };
  });
}
