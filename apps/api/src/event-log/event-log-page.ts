import { recordedEventJson, type EventStore, type LogFilter, type Position, type RecordedEventJson } from '@switchboard/event-store';

export interface EventLogPage {
  events: RecordedEventJson[];
  /**
   * What to pass as `from` for the next page: the last event's position, or, on an empty page,
   * the `from` asked with (null if none: ask again without `from`). Never null after an event,
   * so a client that stores it resumes without a gap or a repeat.
   */
  nextPosition: string | null;
}

export async function readEventLogPage(store: EventStore, query: { after?: Position; filter?: LogFilter; limit: number }): Promise<EventLogPage> {
  const events = await store.readAll({ after: query.after, maxCount: query.limit, filter: query.filter });
  const last = events.at(-1)?.position ?? query.after;
  return { events: events.map(recordedEventJson), nextPosition: last === undefined ? null : last.toString() };
}
