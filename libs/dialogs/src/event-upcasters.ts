import { dialogEventUpcasters } from './dialog/dialog.upcasters';
import { eventSchemaVersions } from './event-catalogue';
import type { EventUpcaster } from './shared/upcaster';

/** Every upcaster of every aggregate: the store applies them on read, so readers see only current versions. */
export const eventUpcasters: readonly EventUpcaster[] = [...dialogEventUpcasters];

/** What a reader of the log needs to bring every stored event to its current version. */
export const eventUpcasting = { upcasters: eventUpcasters, currentVersions: eventSchemaVersions } as const;
