import { CreateEventLog1763700000000 } from './1763700000000-create-event-log';
import { IndexLogFilters1763700900000 } from './1763700900000-index-log-filters';
import { CreatePrivacyKeys1763701100000 } from './1763701100000-create-privacy-keys';

export const eventStoreMigrations = [CreateEventLog1763700000000, IndexLogFilters1763700900000, CreatePrivacyKeys1763701100000];
