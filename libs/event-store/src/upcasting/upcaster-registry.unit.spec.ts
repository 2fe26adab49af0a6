import type { RecordedEvent } from '../event-store.port';
import { UpcasterRegistry, type Upcaster } from './upcaster-registry';

const recorded = (type: string, data: RecordedEvent['data'], schemaVersion?: number): RecordedEvent => ({
  id: '5b0a3c1e-8f0d-4c7e-9a4d-0e6f3b2a1c9d',
  type,
  streamId: 'thing-1',
  revision: 0n,
  position: 1n,
  data,
  metadata: schemaVersion === undefined ? { actor: { kind: 'admin', id: 'a-1' } } : { actor: { kind: 'admin', id: 'a-1' }, schemaVersion },
  recordedAt: new Date(0),
});

// A field renamed in version 2, and one added from the metadata in version 3.
const renamed: Upcaster = { type: 'ThingNamed', fromVersion: 1, upcast: ({ title, ...rest }) => ({ ...rest, name: title }) };
const byActor: Upcaster = {
  type: 'ThingNamed',
  fromVersion: 2,
  upcast: (data, metadata) => ({ ...data, namedBy: (metadata.actor as { id: string }).id }),
};

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry([byActor, renamed], { ThingNamed: 3, ThingGone: 1 });

  it('brings a stored event up to the current version one step at a time', () => {
    const upcast = registry.upcast(recorded('ThingNamed', { title: 'Kim' }, 1));
    expect(upcast.data).toEqual({ name: 'Kim', namedBy: 'a-1' });
    expect(upcast.metadata).toEqual({ actor: { kind: 'admin', id: 'a-1' }, schemaVersion: 3, upcastedFrom: 1 });
  });

  it('reads an event stored without schemaVersion as version 1', () => {
    expect(registry.upcast(recorded('ThingNamed', { title: 'Kim' })).data).toEqual({ name: 'Kim', namedBy: 'a-1' });
  });

  it('starts from the stored version', () => {
    expect(registry.upcast(recorded('ThingNamed', { name: 'Kim' }, 2)).data).toEqual({ name: 'Kim', namedBy: 'a-1' });
  });

  it('hands back current, newer and unknown events untouched, and never changes what it was given', () => {
    for (const event of [recorded('ThingNamed', { name: 'K', namedBy: 'x' }, 3), recorded('ThingNamed', {}, 4), recorded('Other', {}, 1)]) {
      expect(registry.upcast(event)).toBe(event);
    }
    const stored = recorded('ThingNamed', { title: 'Kim' }, 1);
    registry.upcast(stored);
    expect(stored.data).toEqual({ title: 'Kim' });
    expect(stored.metadata.schemaVersion).toBe(1);
  });

  it('refuses a chain with a gap, a duplicate step or a step past the current version', () => {
    expect(() => new UpcasterRegistry([byActor], { ThingNamed: 3 })).toThrow('no upcaster for ThingNamed from version 1 to 2');
    expect(() => new UpcasterRegistry([renamed, renamed, byActor], { ThingNamed: 3 })).toThrow('two upcasters for ThingNamed version 1');
    expect(() => new UpcasterRegistry([renamed, byActor], { ThingNamed: 2 })).toThrow('goes past the current version');
  });
});
