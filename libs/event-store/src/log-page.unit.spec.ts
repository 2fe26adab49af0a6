import type { Position, RecordedEvent } from './event-store.port';
import { logPageOf } from './log-page';

const at = (...positions: Position[]): RecordedEvent[] =>
  positions.map((position) => ({ id: `e-${position}`, type: 'T', streamId: 's', revision: 0n, position, data: {}, metadata: {}, recordedAt: new Date(0) }));

describe('how far a page looked', () => {
  it('a short page looked through all the store could see', () => {
    expect(logPageOf(at(5n, 7n), { after: 1n, maxCount: 10, seenThrough: 99n }).lookedThrough).toBe(99n);
    expect(logPageOf([], { after: 1n, maxCount: 10, seenThrough: 99n })).toEqual({ events: [], lookedThrough: 99n });
    expect(logPageOf([], { maxCount: 10, seenThrough: 99n }).lookedThrough).toBe(99n);
  });

  it('a full page looked through its last event only: the read stopped there', () => {
    expect(logPageOf(at(5n, 7n), { after: 1n, maxCount: 2, seenThrough: 99n }).lookedThrough).toBe(7n);
  });

  it('a page that cannot tell looked through its last event', () => {
    expect(logPageOf(at(5n, 7n), { after: 1n, maxCount: 10 }).lookedThrough).toBe(7n);
    expect(logPageOf([], { after: 1n, maxCount: 10 })).toEqual({ events: [] });
  });

  it('an event read past what the store could see when the read began moves the look to it', () => {
    expect(logPageOf(at(120n), { after: 1n, maxCount: 10, seenThrough: 99n }).lookedThrough).toBe(120n);
  });

  it('says nothing when the read got no further than where it started', () => {
    expect(logPageOf([], { after: 99n, maxCount: 10, seenThrough: 99n })).toEqual({ events: [] });
    expect(logPageOf([], { after: 150n, maxCount: 10, seenThrough: 99n })).toEqual({ events: [] });
  });
});
