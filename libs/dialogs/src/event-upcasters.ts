import { dialogEventUpcasters } from './dialog/dialog.upcasters';
import type { EventUpcaster } from './shared/upcaster';

/** Every upcaster of every aggregate: the store applies them on read, so readers see only current versions. */
export const eventUpcasters: readonly EventUpcaster[] = [...dialogEventUpcasters];
