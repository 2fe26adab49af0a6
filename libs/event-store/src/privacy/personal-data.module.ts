import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '../event-store.port';
import { PersonalDataEventStore } from './personal-data-event-store';
import type { PersonalDataCatalogue } from './personal-data.catalogue';
import { SubjectKeys } from './subject-keys';

export const PERSONAL_DATA_CATALOGUE = Symbol('PersonalDataCatalogue');

/**
 * `PERSONAL_DATA_ENCRYPTION=off` stores new events' personal fields in clear text: only for a
 * benchmark's baseline. Anything else (and unset) seals them.
 */
export const sealsPersonalData = (env: NodeJS.ProcessEnv): boolean => env.PERSONAL_DATA_ENCRYPTION !== 'off';

/** `store` sealing and opening personal data with keys in the PostgreSQL database at `databaseUrl`. */
export const withPersonalData = (
  store: EventStore,
  databaseUrl: string,
  catalogue: PersonalDataCatalogue,
  env: NodeJS.ProcessEnv = process.env,
): PersonalDataEventStore => new PersonalDataEventStore(store, new SubjectKeys(databaseUrl), catalogue, { seal: sealsPersonalData(env) });

/** Provides the catalogue of personal fields to EventStoreModule; an app's root module registers it once. */
@Global()
@Module({})
export class PersonalDataModule {
  static register(catalogue: PersonalDataCatalogue): DynamicModule {
    return { module: PersonalDataModule, providers: [{ provide: PERSONAL_DATA_CATALOGUE, useValue: catalogue }], exports: [PERSONAL_DATA_CATALOGUE] };
  }
}
