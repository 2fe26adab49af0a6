import { ConfigError, type AppConfig } from '@switchboard/platform';
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

/** The adapter `EVENT_STORE` names: for the Nest module and for command-line tools alike. */
export function createEventStore(config: AppConfig, databaseUrl: string, onError?: (error: unknown) => void): EventStore {
  switch (config.eventStore.kind) {
    case 'postgres':
      return new PostgresEventStore({ connectionString: databaseUrl, onError });
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
