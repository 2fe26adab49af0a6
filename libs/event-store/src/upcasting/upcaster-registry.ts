import type { JsonObject, RecordedEvent } from '../event-store.port';

/** One step of one event type's `data`, from `fromVersion` to the next; pure. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: Readonly<Record<string, unknown>>, metadata: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** Events written before `metadata.schemaVersion` existed are version 1. */
export const storedVersionOf = (event: RecordedEvent): number => {
  const version = event.metadata.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
};

/**
 * Brings stored events up to the current version of their type, one step at a time. A chain
 * with a gap is refused when the registry is built, so a missing upcaster stops the process at
 * start instead of handing a reader an old shape.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  constructor(
    upcasters: readonly Upcaster[],
    private readonly currentVersions: Readonly<Record<string, number>>,
  ) {
    for (const upcaster of upcasters) {
      const key = stepKey(upcaster.type, upcaster.fromVersion);
      if (this.steps.has(key)) throw new Error(`two upcasters for ${upcaster.type} version ${upcaster.fromVersion}`);
      const current = currentVersions[upcaster.type];
      if (current === undefined || upcaster.fromVersion >= current) {
        throw new Error(`upcaster for ${upcaster.type} version ${upcaster.fromVersion} goes past the current version ${String(current)}`);
      }
      this.steps.set(key, upcaster);
    }
    for (const [type, current] of Object.entries(currentVersions)) {
      for (let version = 1; version < current; version++) {
        if (!this.steps.has(stepKey(type, version))) throw new Error(`no upcaster for ${type} from version ${version} to ${version + 1}`);
      }
    }
  }

  /**
   * The event at its type's current version; the same object when it already is (or is newer:
   * written by newer code during a rolling deployment, which this code cannot lower).
   */
  upcast(event: RecordedEvent): RecordedEvent {
    const current = this.currentVersions[event.type];
    const stored = storedVersionOf(event);
    if (current === undefined || stored >= current) return event;
    let data: Record<string, unknown> = event.data;
    for (let version = stored; version < current; version++) {
      data = this.steps.get(stepKey(event.type, version))!.upcast(data, event.metadata);
    }
    return {
      ...event,
      data: data as JsonObject,
      metadata: { ...event.metadata, schemaVersion: current, upcastedFrom: stored },
    };
  }
}

const stepKey = (type: string, fromVersion: number): string => `${type}@${fromVersion}`;
