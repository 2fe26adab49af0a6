import type { RecordedEvent } from '@switchboard/event-store';

/**
 * What a receiver gets: the recorded event with its metadata, bigints as decimal strings (JSON
 * numbers lose precision above 2^53), the same shape as the events export.
 */
export function eventBodyOf(event: RecordedEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision.toString(),
    position: event.position.toString(),
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  });
}
