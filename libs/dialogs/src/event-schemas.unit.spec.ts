import { eventSchemaVersions, eventTypes } from './event-catalogue';
import { eventCatalogue } from './event-schemas';
import { eventUpcasters } from './event-upcasters';

describe('event schemas', () => {
  it('has a schema for every version of every event type, from 1 to the current one', () => {
    expect(eventCatalogue.map((entry) => entry.type)).toEqual(eventTypes);
    for (const entry of eventCatalogue) {
      const current = eventSchemaVersions[entry.type];
      expect({ type: entry.type, versions: entry.versions.map((v) => v.version) }).toEqual({
        type: entry.type,
        versions: Array.from({ length: current }, (_, index) => index + 1),
      });
      expect(entry.currentVersion).toBe(current);
    }
  });

  it('has an upcaster for every step between versions', () => {
    const steps = eventCatalogue.flatMap((entry) => entry.versions.slice(1).map((v) => `${entry.type}@${v.version - 1}`));
    expect(eventUpcasters.map((u) => `${u.type}@${u.fromVersion}`).sort()).toEqual(steps.sort());
  });

  it('names its stream category after the stream the event is written to', () => {
    const categories = Object.fromEntries(eventCatalogue.map((entry) => [entry.type, entry.category]));
    expect(categories).toMatchObject({ DialogOpened: 'dialog', OperatorRemoved: 'operator', DialogRouted: 'line' });
  });
});
