import { eventSchemaVersions, eventUpcasters } from '@switchboard/dialogs';
import type { EventStore } from '../event-store.port';
import { UpcasterRegistry } from './upcaster-registry';
import { UpcastingEventStore } from './upcasting-event-store';

/**
 * Switchboard's upcasters over a store. The one place this library knows the domain's events:
 * the upcast functions live with them, and every process that reads the log (API, projector,
 * command-line tools) wraps its store here.
 */
export const upcastOnRead = (store: EventStore): EventStore =>
  new UpcastingEventStore(store, new UpcasterRegistry(eventUpcasters, eventSchemaVersions));
