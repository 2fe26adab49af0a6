import type * as port from '../event-store.port';
import type { UpcasterRegistry } from './upcaster-registry';

/**
 * The store as readers see it: every event read, from any path, at its type's current version.
 * Writes pass through untouched, and the log keeps what was stored: an integrity check (the
 * hash chain) must read the store beneath this one, never through it.
 */
export class UpcastingEventStore implements port.EventStore {
  constructor(
    private readonly inner: port.EventStore,
    private readonly registry: UpcasterRegistry,
  ) {}

  appendToStream(streamId: string, events: readonly port.EventToAppend[], options: { expectedRevision: port.ExpectedRevision }): Promise<port.AppendResult> {
    return this.inner.appendToStream(streamId, events, options);
  }

  async readStream(streamId: string, options?: port.ReadStreamOptions): Promise<port.RecordedEvent[]> {
    return this.upcastAll(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: port.ReadAllOptions): Promise<port.RecordedEvent[]> {
    return this.upcastAll(await this.inner.readAll(options));
  }

  async readPage(options?: port.ReadAllOptions): Promise<port.LogPage> {
    const page = await this.inner.readPage(options);
    return { ...page, events: this.upcastAll(page.events) };
  }

  headPosition(): Promise<port.Position | undefined> {
    return this.inner.headPosition();
  }

  subscribeToAll(handler: port.BatchHandler, options?: port.SubscribeOptions): port.Subscription {
    return this.inner.subscribeToAll((events) => handler(this.upcastAll(events)), options);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private upcastAll(events: port.RecordedEvent[]): port.RecordedEvent[] {
    return events.map((event) => this.registry.upcast(event));
  }
}
