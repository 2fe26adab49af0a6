import { eventSchemaVersions, eventTypes, isEventType } from './event-catalogue';

describe('event catalogue', () => {
  it('lists every event of every aggregate at version 1', () => {
    expect(eventTypes).toHaveLength(19 + 4 + 5);
    expect(new Set(Object.values(eventSchemaVersions))).toEqual(new Set([1]));
  });

  it('recognises its own event types only', () => {
    expect(isEventType('DialogRouted')).toBe(true);
    expect(isEventType('toString')).toBe(false);
  });
});
