import { eventStoreMigrations } from '@switchboard/event-store';
import { MigrationClass } from '@switchboard/platform';

/**
 * Every migration, in order. Whichever process starts first applies them (under a lock), so
 * the API and the projector may start in any order against one database.
 */
export const allMigrations: readonly MigrationClass[] = [...eventStoreMigrations];
