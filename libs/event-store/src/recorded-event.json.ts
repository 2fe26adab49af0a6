import type { JsonObject, RecordedEvent } from './event-store.port';

/**
 * A recorded event as it leaves Switchboard (the export's NDJSON lines, `GET /events` and its
 * server-sent events): bigints as decimal strings, since JSON numbers lose precision above
 * 2^53 and positions are well above that; `recordedAt` in ISO 8601 UTC.
 */
export interface RecordedEventJson {
  id: string;
  type: string;
  streamId: string;
  revision: string;
  position: string;
  data: JsonObject;
  metadata: JsonObject;
  recordedAt: string;
}

export function recordedEventJson(event: RecordedEvent): RecordedEventJson {
  const { id, type, streamId, revision, position, data, metadata, recordedAt } = event;
  return { id, type, streamId, revision: revision.toString(), position: position.toString(), data, metadata, recordedAt: recordedAt.toISOString() };
}
