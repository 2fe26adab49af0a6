import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth, so key order never changes the text', () => {
    const a = { b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } };
    const b = { a: { c: 'x', d: [{ y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('drops undefined members and turns undefined array items into null, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: null, c: [undefined, 1] })).toBe('{"b":null,"c":[null,1]}');
  });

  it('keeps array order, escapes text, and writes dates and non-finite numbers as JSON.stringify does', () => {
    const value = { list: [3, 1, 2], text: 'quote " and \u00e9 and \n', at: new Date('2024-03-01T09:00:00Z'), nan: Number.NaN };
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('gives the same text for a value and its JSON round trip (what a store gives back)', () => {
    const value = { n: 0.1, big: 1e21, small: 1e-7, nested: { k: [true, false, null] } };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });
});
