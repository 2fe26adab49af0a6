import { clientStreamCategory, dialogEventSchemaVersions, type DialogEvent, type DialogEventType } from '@switchboard/dialogs';
import type { JsonObject, JsonValue, LogFilter, RecordedEvent } from '@switchboard/event-store';
import type { LineScheduleEvent } from '../business-hours';

/** Who did it, as the metadata recorded it; kinds are kept as text so a new kind never breaks a replay. */
export type EventActor = Readonly<{ kind: string; id: string }>;

/** A dialog event with what the read models need from its envelope. */
export type DialogFact = Readonly<{
  kind: 'dialog';
  dialogId: string;
  event: DialogEvent;
  eventId: string;
  position: bigint;
  actor: EventActor | null;
  correlationId: string | null;
  causationId: string | null;
}>;

export type LineDeletedFact = Readonly<{
  kind: 'line-deleted';
  lineId: string;
  eventId: string;
  position: bigint;
  occurredAt: string;
}>;

/** A line's schedule set or cleared: what business hours are counted by from its occurredAt on. */
export type LineScheduleFact = Readonly<{
  kind: 'line-schedule';
  lineId: string;
  event: LineScheduleEvent;
  eventId: string;
  position: bigint;
}>;

/** A client's personal data erased: the rows of these dialogs show its personal fields as erased from here on. */
export type ClientDataErasedFact = Readonly<{
  kind: 'client-data-erased';
  clientId: string;
  dialogIds: readonly string[];
  eventId: string;
  position: bigint;
}>;

export type ProjectedFact = DialogFact | LineDeletedFact | LineScheduleFact | ClientDataErasedFact;

/** Every dialog event type; the rest of the log (operators, lines) moves no dialog fold. */
export const dialogEventTypes = Object.keys(dialogEventSchemaVersions) as readonly DialogEventType[];

export const lineScheduleEventTypes: readonly LineScheduleEvent['type'][] = ['LineScheduleSet', 'LineScheduleCleared'];

/**
 * The log a dialog read model follows: its own event types, line deletions, the lines'
 * schedule events for one that counts business hours, and clients' erasures for one that keeps
 * their personal fields.
 */
export const dialogReadModelFilter = (
  eventTypes: readonly DialogEventType[],
  options: Readonly<{ schedules?: boolean; erasures?: boolean }> = {},
): LogFilter => ({
  categories: ['dialog', 'line', ...(options.erasures === true ? [clientStreamCategory] : [])],
  eventTypes: [
    ...eventTypes,
    'LineDeleted',
    ...(options.schedules === true ? lineScheduleEventTypes : []),
    ...(options.erasures === true ? ['ClientDataErased'] : []),
  ],
});

const isLineScheduleEventType = (type: string): type is LineScheduleEvent['type'] => (lineScheduleEventTypes as readonly string[]).includes(type);

const isDialogEventType = (type: string): type is DialogEventType => Object.hasOwn(dialogEventSchemaVersions, type);

/**
 * Reads a recorded event as a fact, or null for one the read models have no use for. Every
 * schema version is 1 today; an upcaster to the current shape belongs here when one goes up.
 */
export function factOf(recorded: RecordedEvent): ProjectedFact | null {
  const { data, metadata } = recorded;
  if (recorded.type === 'ClientDataErased') {
    const clientId = textOf(data.clientId);
    const dialogIds = Array.isArray(data.dialogIds) ? data.dialogIds.filter((id): id is string => typeof id === 'string') : [];
    return clientId === null ? null : { kind: 'client-data-erased', clientId, dialogIds, eventId: recorded.id, position: recorded.position };
  }
  if (recorded.type === 'LineDeleted') {
    const lineId = textOf(data.lineId);
    if (lineId === null) return null;
    return {
      kind: 'line-deleted',
      lineId,
      eventId: recorded.id,
      position: recorded.position,
      occurredAt: textOf(data.occurredAt) ?? recorded.recordedAt.toISOString(),
    };
  }
  if (isLineScheduleEventType(recorded.type)) {
    const lineId = textOf(data.lineId);
    if (lineId === null) return null;
    // The write side validated the schedule before appending it.
    const event = { type: recorded.type, data } as unknown as LineScheduleEvent;
    return { kind: 'line-schedule', lineId, event, eventId: recorded.id, position: recorded.position };
  }
  if (!isDialogEventType(recorded.type)) return null;
  const dialogId = textOf(data.dialogId);
  if (dialogId === null) return null;
  return {
    kind: 'dialog',
    dialogId,
    // The write side validated the payload against this type before appending it.
    event: { type: recorded.type, data } as unknown as DialogEvent,
    eventId: recorded.id,
    position: recorded.position,
    actor: actorOf(metadata.actor),
    correlationId: textOf(metadata.correlationId),
    causationId: textOf(metadata.causationId),
  };
}

function actorOf(value: JsonValue | undefined): EventActor | null {
  if (!isObject(value)) return null;
  const kind = textOf(value.kind);
  const id = textOf(value.id);
  return kind === null || id === null ? null : { kind, id };
}

const isObject = (value: JsonValue | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: JsonValue | undefined): string | null => (typeof value === 'string' ? value : null);
