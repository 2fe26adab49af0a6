import { CreateEventLog1763700000000 } from './1763700000000-create-event-log';

export const eventStoreMigrations = [CreateEventLog1763700000000];
