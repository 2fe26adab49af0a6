import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port';
import { StreamChainVerifier } from './chain-verifier';
import { hashOf, sealEvents } from './event-hash';

const STREAM = 'dialog-1';

/** A stream of `count` sealed events (after `legacy` unchained ones), as the store returns it. */
function chain(count: number, legacy = 0): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  const at = (revision: number, e: { id: string; type: string; data: RecordedEvent['data']; metadata?: RecordedEvent['metadata'] }) =>
    events.push({ ...e, streamId: STREAM, revision: BigInt(revision), position: BigInt(1000 + revision), metadata: e.metadata ?? {}, recordedAt: new Date() });
  for (let i = 0; i < legacy; i++) at(i, { id: randomUUID(), type: 'Happened', data: { i }, metadata: { actor: 'old' } });
  const tip = legacy === 0 ? undefined : { revision: BigInt(legacy - 1), hash: hashOf(events[legacy - 1]) };
  const fresh = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), type: 'Happened', data: { i: legacy + i }, metadata: { actor: 'new' } }));
  sealEvents(STREAM, tip, fresh).forEach((e, i) => at(legacy + i, e));
  return events;
}

function verify(events: RecordedEvent[]) {
  const verifier = new StreamChainVerifier(STREAM);
  events.forEach((e) => verifier.add(e));
  return verifier.report();
}

describe('stream chain verifier', () => {
  it('accepts an intact chain and reports its last hash', () => {
    const events = chain(5);
    expect(verify(events)).toEqual({ streamId: STREAM, events: 5, unchained: 0, lastHash: events[4].metadata.hash, lastRevision: 4n, broken: null });
  });

  it('names the edited event when data changed under its hash', () => {
    const events = chain(5);
    events[2] = { ...events[2], data: { i: 99 } };
    const report = verify(events);
    expect(report.broken).toMatchObject({
      revision: 2n,
      eventId: events[2].id,
      position: 1002n,
      reason: 'data_edited',
      expected: events[2].metadata.hash,
      found: hashOf(events[2]),
    });
    expect(report.events).toBe(3);
  });

  it('names the event after one that was edited and resealed: its link is broken', () => {
    const events = chain(4);
    const edited = { ...events[1], data: { i: 42 } };
    events[1] = { ...edited, metadata: { ...edited.metadata, hash: hashOf(edited) } };
    expect(verify(events).broken).toMatchObject({
      revision: 2n,
      reason: 'link_broken',
      expected: events[1].metadata.hash,
      found: events[2].metadata.previousHash,
    });
  });

  it('names the event after a deleted one, and a stream whose first event is gone', () => {
    const events = chain(5);
    expect(verify([...events.slice(0, 2), ...events.slice(3)]).broken).toMatchObject({
      revision: 3n,
      reason: 'event_missing',
      detail: 'revision 2 is missing before this event',
    });
    expect(verify(events.slice(1)).broken).toMatchObject({ revision: 1n, reason: 'event_missing', expected: null, found: events[0].metadata.hash });
  });

  it('counts events written before the chain as unchained, and verifies the chain from there', () => {
    const events = chain(3, 2);
    expect(verify(events)).toMatchObject({ events: 5, unchained: 2, broken: null });
    const edited = [...events];
    edited[1] = { ...edited[1], data: { i: 7 } };
    expect(verify(edited).broken).toMatchObject({ revision: 2n, reason: 'link_broken' });
  });

  it('refuses an event without a hash once the chain began', () => {
    const events = chain(3);
    const { hash: _hash, ...stripped } = events[1].metadata;
    events[1] = { ...events[1], metadata: stripped };
    expect(verify(events).broken).toMatchObject({ revision: 1n, reason: 'hash_missing' });
  });
});
