export * from './event-store.port';
export * from './event-store.errors';
export { PostgresEventStore, MAX_EVENTS_PER_APPEND } from './postgres/postgres-event-store';
export { countLogEvents, eventsInStreamOrder } from './postgres/events-in-stream-order';
export { eventStoreMigrations } from './postgres/migrations';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
export { EventStoreModule } from './event-store.module';
export * from './hash-chain';
