import { eventSchemaVersions, eventTypes, isEventType } from './event-catalogue';

describe('event catalogue', () => {
  it('lists every event of every aggregate, DialogReopened at version 2 and the rest at 1', () => {
    expect(eventTypes).toHaveLength(21 + 4 + 5 + 3 + 4 + 1);
    const evolved = Object.entries(eventSchemaVersions).filter(([, version]) => version !== 1);
    expect(evolved).toEqual([['DialogReopened', 2]]);
  });

  it('recognises its own event types only', () => {
    expect(isEventType('DialogRouted')).toBe(true);
    expect(isEventType('toString')).toBe(false);
  });
});
