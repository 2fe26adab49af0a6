import fc from 'fast-check';

/** JSON text written as it is: numbers JavaScript cannot produce (`1e400`, `-0.0`, 30 digits). */
export class RawJson {
  constructor(readonly text: string) {}
}

export type FuzzJson = null | boolean | number | string | RawJson | FuzzJson[] | { [key: string]: FuzzJson };

/** Like JSON.stringify, with RawJson written raw. Own keys such as `__proto__` are kept. */
export function toJsonText(value: FuzzJson): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A copy with `key` set as an own property (assignment would set the prototype for `__proto__`). */
export function withKey(object: { [key: string]: FuzzJson }, key: string, value: FuzzJson): { [key: string]: FuzzJson } {
  return Object.fromEntries([...Object.entries(object).filter(([own]) => own !== key), [key, value]]);
}

export const isJsonObject = (value: FuzzJson): value is { [key: string]: FuzzJson } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RawJson);

const hugeString = fc.constantFrom(201, 2_049, 10_001, 65_536, 300_000).map((length) => 'x'.repeat(length));

/** Text with the code points storage and display trip on, among ordinary characters. */
const troublesomeText = fc
  .array(
    fc.oneof(
      fc.constantFrom('\ud800', '\udfff', '\u0000', '\u0001', '\ufeff', '\u202e', '\uffff', '\u2028', '\u0085'),
      fc.string({ unit: 'grapheme', maxLength: 5 }),
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(''));

/** Strings a client should never send: control characters, lone surrogates, RTL overrides, injections, huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: troublesomeText },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udc00',
      '😀',
      '\u202eevil',
      '\ufeff',
      'null',
      'true',
      '0',
      '-1',
      '1e400',
      'NaN',
      '__proto__',
      'constructor',
      '../../etc/passwd',
      "'; DROP TABLE events; --",
      '<script>alert(1)</script>',
      '%00',
      '\r\nX-Injected: 1',
      '2024-02-30T25:61:00Z',
      '+275760-09-13T00:00:00.001Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999+14:00',
      '00000000-0000-0000-0000-000000000000',
      'Europe/Berlin',
      'Etc/GMT+99',
      '24:00',
      '23:60',
    ),
  },
  { weight: 1, arbitrary: hugeString },
);

/** Numbers at the edges, and numerals JSON allows but JavaScript rounds, overflows or drops the sign of. */
export const edgeNumber: fc.Arbitrary<FuzzJson> = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, -0.5, 5, 6, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, -1e308, 5e-324, 2_097_152, 2_097_153),
  fc.constantFrom('1e400', '-1e400', '1e-400', '-0', '-0.0', '100000000000000000000000000000', '1.0000000000000000000001').map((text) => new RawJson(text)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const scalar: fc.Arbitrary<FuzzJson> = fc.oneof(hostileString, edgeNumber, fc.boolean(), fc.constant(null));

/** Keys that name JavaScript's object machinery rather than data. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'a.b', '0'),
  hostileString.filter((key) => key.length < 100),
);

/** Any value, of any type, where a field is expected. */
export const hostileValue: fc.Arbitrary<FuzzJson> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileKey, scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<FuzzJson> },
  { weight: 1, arbitrary: fc.constantFrom<FuzzJson>([], {}, [[]], [null], [{}]) },
);

/** One change to a (valid) value: a field replaced, added or removed, at any depth, or the whole replaced. */
export function mutationOf(value: FuzzJson): fc.Arbitrary<FuzzJson> {
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    const replaceOrAdd = fc.tuple(keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), hostileKey) : hostileKey, hostileValue);
    return fc.oneof(
      { weight: 1, arbitrary: hostileValue },
      { weight: 2, arbitrary: replaceOrAdd.map(([key, item]) => withKey(value, key, item)) },
      ...(keys.length > 0
        ? [
            { weight: 1, arbitrary: fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(value).filter(([own]) => own !== key))) },
            { weight: 5, arbitrary: fc.constantFrom(...keys).chain((key) => mutationOf(value[key]).map((item) => withKey(value, key, item))) },
          ]
        : []),
    );
  }
  // A leaf keeps its type more often than not, so the value meets the rules of its field, not its type check.
  if (typeof value === 'string') return fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: hostileValue });
  if (typeof value === 'number') return fc.oneof({ weight: 3, arbitrary: edgeNumber }, { weight: 1, arbitrary: hostileValue });
  if (Array.isArray(value) && value.length > 0) {
    return fc.oneof(
      hostileValue,
      fc.nat(value.length - 1).chain((index) => mutationOf(value[index]).map((item) => value.map((old, at) => (at === index ? item : old)))),
      hostileValue.map((item) => [...value, item]),
    );
  }
  return hostileValue;
}

/** Header values a client can put on the wire (Node refuses CR, LF and the like itself). */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((code) => code !== 0x7f)
      .map((code) => String.fromCharCode(code)),
    maxLength: 60,
  }),
  fc.constantFrom('', ' ', '\t', 'null', '*', '"', '""', '"0"', 'W/"0"', '"-1"', '"99999999999999999999"', 'a'.repeat(129), 'a'.repeat(201), 'a'.repeat(5_000)),
);
