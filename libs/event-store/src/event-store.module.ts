import { BeforeApplicationShutdown, Inject, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DATABASE, METRICS_REGISTRY, type MetricsRegistry, ResolvedDatabase } from '@switchboard/platform';
import { meterAppends } from './append-metrics';
import { createEventStore } from './create-event-store';
import { EVENT_STORE, EventStore } from './event-store.port';
import { upcastOnRead } from './upcasting/upcast-on-read';

/** Closes connections before the database itself is stopped (in `onApplicationShutdown`). */
class EventStoreLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Provides the configured adapter under `EVENT_STORE`. */
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, DATABASE, METRICS_REGISTRY],
      useFactory: (config: AppConfig, database: ResolvedDatabase, registry: MetricsRegistry): EventStore => {
        const logger = new Logger('EventStore');
        const store = createEventStore(config, database.url, (error) => logger.warn(`event store connection: ${String(error)}`));
        // Outermost, so readers get current versions while whatever sits beneath sees stored bytes.
        return meterAppends(upcastOnRead(store), registry);
      },
    },
    EventStoreLifecycle,
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
