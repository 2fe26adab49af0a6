import { RecentlyUsed } from './recently-used';

describe('recently used', () => {
  it('drops the least recently set entry beyond its capacity', () => {
    const cache = new RecentlyUsed<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([3, undefined, 4, 2]);
    cache.delete('a');
    expect(cache.has('a')).toBe(false);
  });

  it('refuses a capacity that would hold nothing', () => {
    expect(() => new RecentlyUsed(0)).toThrow('at least one entry');
  });
});
