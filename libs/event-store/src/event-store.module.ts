import { BeforeApplicationShutdown, Inject, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ConfigError, DATABASE, ResolvedDatabase } from '@switchboard/platform';
import { EVENT_STORE, EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { HashChainedEventStore } from './hash-chain/hash-chained-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

/** Closes connections before the database itself is stopped (in `onApplicationShutdown`). */
class EventStoreLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Provides the configured adapter under `EVENT_STORE`, sealed into hash chains: every writer
 * (command handlers, the projector's reactions) appends through it.
 */
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, DATABASE],
      useFactory: (config: AppConfig, database: ResolvedDatabase): EventStore => new HashChainedEventStore(adapterFor(config, database)),
    },
    EventStoreLifecycle,
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}

function adapterFor(config: AppConfig, database: ResolvedDatabase): EventStore {
  const logger = new Logger('EventStore');
  switch (config.eventStore.kind) {
    case 'postgres':
      return new PostgresEventStore({
        connectionString: database.url,
        onError: (error) => logger.warn(`event store connection: ${String(error)}`),
      });
    case 'eventstoredb':
      if (!config.eventStore.connectionString) {
        throw new ConfigError('EVENT_STORE=eventstoredb needs EVENTSTOREDB_URL, e.g. esdb://localhost:2113?tls=false');
      }
      return new EventStoreDbEventStore(config.eventStore.connectionString);
    default: {
      const never: never = config.eventStore.kind;
      throw new ConfigError(`unknown EVENT_STORE ${String(never)}`);
    }
  }
}
