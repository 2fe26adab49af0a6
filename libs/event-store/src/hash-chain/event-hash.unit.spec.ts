import { createHash, randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../event-store.port';
import { hashOf, linkTo, sealEvents } from './event-hash';

const event = (data: Record<string, string | number> = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'MessageSent',
  data,
  metadata: { actor: { kind: 'operator', id: 'op-1' }, correlationId: 'c-1' },
});

/** What the store gives back for sealed events appended at revisions 0.. */
const recorded = (streamId: string, sealed: EventToAppend[]): RecordedEvent[] =>
  sealed.map((e, i) => ({ ...e, streamId, revision: BigInt(i), position: BigInt(i + 100), metadata: e.metadata ?? {}, recordedAt: new Date() }));

describe('event hash', () => {
  it('is SHA-256 over the canonical JSON of stream, revision, id, type, data and metadata without hash', () => {
    const content = { streamId: 'dialog-1', revision: 3n, id: 'e-1', type: 'TagAdded', data: { tag: 'vip' }, metadata: { previousHash: null, actor: 'a' } };
    const canonical = '{"data":{"tag":"vip"},"id":"e-1","metadata":{"actor":"a","previousHash":null},"revision":"3","streamId":"dialog-1","type":"TagAdded"}';
    const expected = createHash('sha256').update(canonical).digest('hex');
    expect(hashOf(content)).toBe(expected);
    expect(hashOf({ ...content, metadata: { ...content.metadata, hash: 'sealed' } })).toBe(expected);
  });

  it('changes when any covered field changes', () => {
    const base = { streamId: 'dialog-1', revision: 0n, id: 'e-1', type: 'TagAdded', data: { tag: 'vip' }, metadata: { previousHash: null } };
    const variants = [
      { ...base, streamId: 'dialog-2' },
      { ...base, revision: 1n },
      { ...base, id: 'e-2' },
      { ...base, type: 'TagRemoved' },
      { ...base, data: { tag: 'VIP' } },
      { ...base, metadata: { previousHash: 'a'.repeat(64) } },
    ];
    const hashes = new Set([base, ...variants].map(hashOf));
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('seals events in order, each linked to the one before and the first to the tip', () => {
    const first = sealEvents('dialog-1', undefined, [event({ i: 0 }), event({ i: 1 })]);
    expect(first[0].metadata).toMatchObject({ previousHash: null, actor: { kind: 'operator', id: 'op-1' } });
    expect(first[1].metadata?.previousHash).toBe(first[0].metadata?.hash);
    const stored = recorded('dialog-1', first);
    for (const e of stored) expect(e.metadata.hash).toBe(hashOf(e));

    const next = sealEvents('dialog-1', { revision: 1n, hash: linkTo(stored[1]) }, [event({ i: 2 })]);
    expect(next[0].metadata?.previousHash).toBe(stored[1].metadata.hash);
    expect(next[0].metadata?.hash).toBe(hashOf({ ...next[0], streamId: 'dialog-1', revision: 2n, metadata: next[0].metadata ?? {} }));
  });

  it('replaces a hash or link the caller put in the metadata', () => {
    const forged = { ...event(), metadata: { hash: 'forged', previousHash: 'forged' } };
    const [sealed] = sealEvents('dialog-1', undefined, [forged]);
    expect(sealed.metadata?.previousHash).toBeNull();
    expect(sealed.metadata?.hash).not.toBe('forged');
  });

  it('links an unchained event by the hash of its content as it is', () => {
    const [legacy] = recorded('dialog-1', [event({ i: 0 })]);
    expect(linkTo(legacy)).toBe(hashOf(legacy));
  });
});
