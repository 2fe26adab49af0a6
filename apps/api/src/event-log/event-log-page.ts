import { recordedEventJson, type EventStore, type LogFilter, type Position, type RecordedEventJson } from '@switchboard/event-store';

export interface EventLogPage {
  events: RecordedEventJson[];
  /**
   * What to pass as `from` for the next page: how far the read looked. That is the last event's
   * position on a full page; past it, and past the events the filter skipped, on a short one
   * (an empty one included), as far as every event is known: never past one still to come.
   * On a read that got nowhere, the `from` asked with (null if none: ask again without `from`).
   * Never null after an event, so a client that stores it resumes without a gap or a repeat.
   */
  nextPosition: string | null;
}

export async function readEventLogPage(store: EventStore, query: { after?: Position; filter?: LogFilter; limit: number }): Promise<EventLogPage> {
  const page = await store.readPage({ after: query.after, maxCount: query.limit, filter: query.filter });
  const next = page.lookedThrough ?? query.after;
  return { events: page.events.map(recordedEventJson), nextPosition: next === undefined ? null : next.toString() };
}
