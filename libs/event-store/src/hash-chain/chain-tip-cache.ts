import { RecentlyUsed } from '@switchboard/platform';
import type { ReadStreamOptions, RecordedEvent, StreamRevision } from '../event-store.port';
import { linkTo } from './event-hash';

/**
 * The last event of recently read streams, by revision, so that an append expecting exactly
 * that revision need not read it again (command handlers read the whole stream just before they
 * append). Only what was read from the store goes in: the event at a given revision never
 * changes, so an entry can be out of date (the stream moved on) but never wrong, and an append
 * expecting a revision the stream has passed fails whatever hash it carried.
 */
export class ChainTipCache {
  private readonly tips: RecentlyUsed<string, { revision: StreamRevision; hash: string }>;

  constructor(capacity = 10_000) {
    this.tips = new RecentlyUsed(capacity);
  }

  /** The hash of the event at `revision` of the stream, if a read just saw it as the last. */
  hashAt(streamId: string, revision: StreamRevision): string | undefined {
    const tip = this.tips.get(streamId);
    return tip?.revision === revision ? tip.hash : undefined;
  }

  /** Remembers the tail an append just wrote, so the next append to the stream reads no tip. */
  noteAppended(streamId: string, revision: StreamRevision, hash: string): void {
    this.remember(streamId, revision, hash);
  }

  /** Remembers the stream's last event, when this read is known to have reached the end. */
  noteRead(streamId: string, options: ReadStreamOptions | undefined, events: readonly RecordedEvent[]): void {
    const backwards = options?.direction === 'backwards';
    const toTheEnd = backwards ? options?.fromRevision === undefined : options?.maxCount === undefined || events.length < options.maxCount;
    const last = backwards ? events[0] : events.at(-1);
    if (!toTheEnd || last === undefined) return;
    this.remember(streamId, last.revision, linkTo(last));
  }

  private remember(streamId: string, revision: StreamRevision, hash: string): void {
    this.tips.set(streamId, { revision, hash });
  }
}
