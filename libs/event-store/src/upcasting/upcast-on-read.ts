import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '../event-store.port';
import { UpcasterRegistry, type Upcaster } from './upcaster-registry';
import { UpcastingEventStore } from './upcasting-event-store';

/**
 * The upcasters a process reads the log with, and each event type's current version. The store
 * knows no event types: the composition root (each app, each command-line tool) hands these in.
 */
export interface EventUpcasting {
  readonly upcasters: readonly Upcaster[];
  readonly currentVersions: Readonly<Record<string, number>>;
}

export const EVENT_UPCASTING = Symbol('EventUpcasting');

/** A store whose readers see every event at its current version. */
export const upcastOnRead = (store: EventStore, upcasting: EventUpcasting): EventStore =>
  new UpcastingEventStore(store, new UpcasterRegistry(upcasting.upcasters, upcasting.currentVersions));

/** Provides `EVENT_UPCASTING` to EventStoreModule wherever it is imported; an app's root module registers it once. */
@Global()
@Module({})
export class EventUpcastingModule {
  static register(upcasting: EventUpcasting): DynamicModule {
    return { module: EventUpcastingModule, providers: [{ provide: EVENT_UPCASTING, useValue: upcasting }], exports: [EVENT_UPCASTING] };
  }
}
