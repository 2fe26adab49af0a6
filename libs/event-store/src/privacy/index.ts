export { ERASED, SEALED, PERSONAL_DATA_KEY, type PersonalDataCatalogue, type PersonalFields, type SubjectOf } from './personal-data.catalogue';
export { PersonalDataEventStore, type PersonalDataOptions } from './personal-data-event-store';
export { PERSONAL_DATA_CATALOGUE, PersonalDataModule, sealsPersonalData, withPersonalData } from './personal-data.module';
export { SubjectKeys, type ErasureOutcome } from './subject-keys';
export { KEY_CACHE_MS } from './event-sealer';
