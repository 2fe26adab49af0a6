import { eventStoreMigrations } from '@switchboard/event-store';
import { writeSideMigrations } from '@switchboard/dialog-commands';
import { MigrationClass } from '@switchboard/platform';
import { projectionMigrations } from '@switchboard/projections';
import { readModelMigrations } from '@switchboard/read-models';
import { webhookMigrations } from '@switchboard/webhooks';

/**
 * Every migration, in order. Whichever process starts first applies them (under a lock), so
 * the API and the projector may start in any order against one database.
 */
export const allMigrations: readonly MigrationClass[] = [
  ...eventStoreMigrations,
  ...projectionMigrations,
  ...writeSideMigrations,
  ...readModelMigrations,
  ...webhookMigrations,
];
