import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port';
import { ChainTipCache } from './chain-tip-cache';

const recorded = (revision: number, hash = `h${revision}`): RecordedEvent => ({
  id: randomUUID(),
  type: 'Happened',
  streamId: 's-1',
  revision: BigInt(revision),
  position: BigInt(revision),
  data: {},
  metadata: { hash },
  recordedAt: new Date(),
});

describe('chain tip cache', () => {
  it('remembers the last event of a read that reached the end of the stream', () => {
    const cache = new ChainTipCache();
    cache.noteRead('s-1', undefined, [recorded(0), recorded(1)]);
    expect(cache.hashAt('s-1', 1n)).toBe('h1');
    expect(cache.hashAt('s-1', 0n)).toBeUndefined();
    cache.noteRead('s-1', { direction: 'backwards', maxCount: 1 }, [recorded(2)]);
    expect(cache.hashAt('s-1', 2n)).toBe('h2');
    cache.noteRead('s-1', { fromRevision: 2n, maxCount: 5 }, [recorded(2), recorded(3)]);
    expect(cache.hashAt('s-1', 3n)).toBe('h3');
  });

  it('ignores reads that may have stopped short of the end', () => {
    const cache = new ChainTipCache();
    cache.noteRead('s-1', { maxCount: 2 }, [recorded(0), recorded(1)]);
    cache.noteRead('s-1', { direction: 'backwards', fromRevision: 1n }, [recorded(1), recorded(0)]);
    cache.noteRead('s-1', undefined, []);
    expect(cache.hashAt('s-1', 1n)).toBeUndefined();
    expect(cache.hashAt('s-1', 0n)).toBeUndefined();
  });

  it('forgets the least recently read stream beyond its capacity', () => {
    const cache = new ChainTipCache(2);
    for (const stream of ['a', 'b', 'a', 'c']) cache.noteRead(stream, undefined, [recorded(0, stream)]);
    expect([cache.hashAt('a', 0n), cache.hashAt('b', 0n), cache.hashAt('c', 0n)]).toEqual(['a', undefined, 'c']);
  });
});
