import { BeforeApplicationShutdown, Inject, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DATABASE, isServerShutdown, METRICS_REGISTRY, type MetricsRegistry, ResolvedDatabase } from '@switchboard/platform';
import { meterAppends } from './append-metrics';
import { createEventStore } from './create-event-store';
import { EVENT_STORE, EventStore, SEALED_EVENT_STORE, STORED_EVENT_STORE } from './event-store.port';
import { HashChainedEventStore } from './hash-chain/hash-chained-event-store';
import { PERSONAL_DATA_CATALOGUE, withPersonalData } from './privacy/personal-data.module';
import type { PersonalDataCatalogue } from './privacy/personal-data.catalogue';
import { PersonalDataEventStore } from './privacy/personal-data-event-store';
import { EVENT_UPCASTING, upcastOnRead, type EventUpcasting } from './upcasting/upcast-on-read';

/** Closes connections before the database itself is stopped (in `onApplicationShutdown`). */
class EventStoreLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Provides the configured adapter as `upcasted(personal(chained(adapter)))`: every writer
 * (command handlers, the projector's reactions) seals personal fields, then appends through the
 * hash chain, so the chain covers the sealed bytes; every reader gets personal fields opened (or
 * erased) and current event versions under `EVENT_STORE`. `STORED_EVENT_STORE` is the same store
 * without upcasting, for the audit trail; `SEALED_EVENT_STORE` the bytes as stored, for the
 * chain's verification. The upcasters and the personal fields come from the app's root module
 * (`EventUpcastingModule.register`, `PersonalDataModule.register`).
 */
@Module({
  providers: [
    {
      provide: SEALED_EVENT_STORE,
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
      provide: STORED_EVENT_STORE,
      inject: [SEALED_EVENT_STORE, DATABASE, { token: PERSONAL_DATA_CATALOGUE, optional: true }],
      useFactory: (sealed: EventStore, database: ResolvedDatabase, catalogue: PersonalDataCatalogue | undefined): PersonalDataEventStore =>
        withPersonalData(sealed, database.url, catalogue ?? {}),
    },
    { provide: PersonalDataEventStore, useExisting: STORED_EVENT_STORE },
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
  exports: [EVENT_STORE, STORED_EVENT_STORE, SEALED_EVENT_STORE, PersonalDataEventStore],
})
export class EventStoreModule {}
