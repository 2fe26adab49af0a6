import type { JsonObject, LogFilter, RecordedEvent } from '../event-store.port';
import { categoryOf } from '../event-store.port';
import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type AllStreamSubscription, type Filter, type ResolvedEvent } from './esdb-client';

/** EventStoreDB's own streams and events start with `$`; Switchboard's readers never see them. */
export const isSystemEvent = (streamId: string, type: string): boolean => streamId.startsWith('$') || type.startsWith('$');

/** Global positions are EventStoreDB's commit positions. */
export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemEvent(event.streamId, event.type)) return undefined;
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined) return undefined;
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position,
    data: (event.isJson ? event.data : {}) as JsonObject,
    metadata: ((event.metadata ?? {}) as JsonObject) ?? {},
    recordedAt: event.created,
  };
}

export function matches(event: RecordedEvent, filter: LogFilter | undefined): boolean {
  if (filter?.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  if (filter?.categories?.length && !filter.categories.includes(categoryOf(event.streamId))) return false;
  return true;
}

/**
 * The server-side part of a filter: EventStoreDB filters on one thing at a time, so categories
 * go to the server as stream prefixes (the narrower cut for projections) and event types are
 * then checked here; event types alone go as an exact-match pattern.
 */
export function serverFilter(filter: LogFilter | undefined, progress: FilterProgress = {}): Filter {
  if (filter?.categories?.length) return streamNameFilter({ prefixes: filter.categories.map((c) => `${c}-`), ...progress });
  if (filter?.eventTypes?.length) return eventTypeFilter({ regex: `^(${filter.eventTypes.map(escapeRegex).join('|')})$`, ...progress });
  return excludeSystemEvents(progress);
}

/** How a filtered subscription hears of the records the server scanned but did not send. */
export type FilterProgress = { checkpointReached?: (subscription: AllStreamSubscription, position: { commit: bigint; prepare: bigint }) => void };

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
