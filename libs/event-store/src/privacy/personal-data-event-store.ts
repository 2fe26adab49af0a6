import type * as port from '../event-store.port';
import { EventRevealer } from './event-revealer';
import { EventSealer } from './event-sealer';
import type { PersonalDataCatalogue } from './personal-data.catalogue';
import type { ErasureOutcome, SubjectKeys } from './subject-keys';

export interface PersonalDataOptions {
  /** False stores new events' personal fields in clear text (for a baseline measurement); reads still open and mask. */
  seal: boolean;
  /** How many subjects' keys and streams' subjects the sealer keeps at most (default 10,000). */
  cacheCapacity?: number;
}

/**
 * Seals personal fields on append and opens them on every read, above the hash chain: the
 * chain, and `npm run verify`, cover the sealed bytes, which an erasure leaves as they are. Keys
 * live in PostgreSQL whatever the adapter beneath.
 */
export class PersonalDataEventStore implements port.EventStore {
  private readonly sealer: EventSealer;
  private readonly revealer: EventRevealer;

  constructor(
    private readonly inner: port.EventStore,
    private readonly keys: SubjectKeys,
    private readonly catalogue: PersonalDataCatalogue,
    private readonly options: PersonalDataOptions = { seal: true },
  ) {
    this.sealer = new EventSealer(catalogue, keys, inner, Date.now, options.cacheCapacity);
    this.revealer = new EventRevealer(catalogue, keys);
  }

  async appendToStream(
    streamId: string,
    events: readonly port.EventToAppend[],
    options: { expectedRevision: port.ExpectedRevision },
  ): Promise<port.AppendResult> {
    const personal = this.options.seal && events.some((event) => this.catalogue[event.type] !== undefined);
    return this.inner.appendToStream(streamId, personal ? await this.sealer.seal(streamId, events) : events, options);
  }

  async readStream(streamId: string, options?: port.ReadStreamOptions): Promise<port.RecordedEvent[]> {
    return this.revealer.reveal(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: port.ReadAllOptions): Promise<port.RecordedEvent[]> {
    return this.revealer.reveal(await this.inner.readAll(options));
  }

  async readPage(options?: port.ReadAllOptions): Promise<port.LogPage> {
    const page = await this.inner.readPage(options);
    return { ...page, events: await this.revealer.reveal(page.events) };
  }

  headPosition(): Promise<port.Position | undefined> {
    return this.inner.headPosition();
  }

  subscribeToAll(handler: port.BatchHandler, options?: port.SubscribeOptions): port.Subscription {
    return this.inner.subscribeToAll(async (events) => handler(await this.revealer.reveal(events)), options);
  }

  /** Destroys the subject's key (see SubjectKeys.erase); this process stops sealing with it at once. */
  async erase(subjectId: string, streams: readonly string[], at: Date): Promise<ErasureOutcome> {
    const outcome = await this.keys.erase(subjectId, streams, at);
    this.sealer.forget(subjectId);
    return outcome;
  }

  isKnownSubject(subjectId: string): Promise<boolean> {
    return this.keys.isKnown(subjectId);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  async close(): Promise<void> {
    await Promise.all([this.inner.close(), this.keys.close()]);
  }
}
