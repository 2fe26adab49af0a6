import { BeforeApplicationShutdown, Inject, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DATABASE, isServerShutdown, METRICS_REGISTRY, type MetricsRegistry, ResolvedDatabase } from '@switchboard/platform';
import { meterAppends } from './append-metrics';
import { createEventStore } from './create-event-store';
import { EVENT_STORE, EventStore, STORED_EVENT_STORE } from './event-store.port';
import { HashChainedEventStore } from './hash-chain/hash-chained-event-store';
import { EVENT_UPCASTING, upcastOnRead, type EventUpcasting } from './upcasting/upcast-on-read';

/** Closes connections before the database itself is stopped (in `onApplicationShutdown`). */
class EventStoreLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Provides the configured adapter as `upcasted(chained(adapter))`: every writer (command
 * handlers, the projector's reactions) appends through the hash chain, every reader gets current
 * event versions under `EVENT_STORE`. `STORED_EVENT_STORE` is the same store without upcasting,
 * for what must see the events as stored: the audit trail and the chain's verification. The
 * upcasters come from the app's root module (`EventUpcastingModule.register`).
 */
@Module({
  providers: [
    {
      provide: STORED_EVENT_STORE,
      inject: [APP_CONFIG, DATABASE],
      useFactory: (config: AppConfig, database: ResolvedDatabase): EventStore => {
        const logger = new Logger('EventStore');
        const onError = (error: unknown): void => {
          // The embedded server shares the terminal's process group: Ctrl-C stops it in the same
          // instant as the service, and idle connections end with 57P01. That is a clean stop.
          if (database.embedded && isServerShutdown(error)) logger.debug(`event store connection ended: ${String(error)}`);
          else logger.warn(`event store connection: ${String(error)}`);
        };
        return new HashChainedEventStore(createEventStore(config, database.url, onError));
      },
    },
    {
      provide: EVENT_STORE,
      inject: [STORED_EVENT_STORE, METRICS_REGISTRY, EVENT_UPCASTING],
      // Outermost, so readers get current versions while whatever sits beneath sees stored bytes;
      // appends are timed here, hash chain included, as the command handlers experience them.
      useFactory: (stored: EventStore, registry: MetricsRegistry, upcasting: EventUpcasting): EventStore =>
        meterAppends(upcastOnRead(stored, upcasting), registry),
    },
    EventStoreLifecycle,
  ],
  exports: [EVENT_STORE, STORED_EVENT_STORE],
})
export class EventStoreModule {}
