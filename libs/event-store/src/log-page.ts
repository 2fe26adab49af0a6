import type { LogPage, Position, RecordedEvent } from './event-store.port';

export interface PageRead {
  after?: Position;
  maxCount: number;
  /**
   * Every event at or below this position was visible to the read, or never will be: where a
   * short page's look ends. Undefined when the store cannot tell; the page then looked through
   * its last event only.
   */
  seenThrough?: Position;
}

/**
 * The page an adapter answers for the events a read found. A full page looked through its last
 * event only: the read stopped there. A short one looked through all the store could see.
 */
export function logPageOf(events: RecordedEvent[], read: PageRead): LogPage {
  const last = events.at(-1)?.position;
  const full = events.length >= read.maxCount;
  const through = full || read.seenThrough === undefined ? last : later(last, read.seenThrough);
  if (through === undefined || (read.after !== undefined && through <= read.after)) return { events };
  return { events, lookedThrough: through };
}

const later = (a: Position | undefined, b: Position): Position => (a === undefined || b > a ? b : a);
