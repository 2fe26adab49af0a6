import { csvColumnsNamed, csvField, csvHeader, csvRecord, parseCsvRecord } from './csv';

describe('CSV', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('lf\nonly')).toBe('"lf\nonly"');
  });

  it('tells null from the empty string, and writes dates, arrays and json as documented', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField(new Date('2024-03-01T09:00:00.5+02:00'))).toBe('2024-03-01T07:00:00.500Z');
    expect(csvField(['vip', 'a,b'])).toBe('"[""vip"",""a,b""]"');
    expect(csvField({ kind: 'deal', id: '7' })).toBe('"{""kind"":""deal"",""id"":""7""}"');
    expect(csvField([])).toBe('[]');
    expect(csvField(true)).toBe('true');
    expect(csvField(12)).toBe('12');
    expect(csvField(9007199254740993n)).toBe('9007199254740993');
  });

  it('writes a header and records ending in CRLF, in the columns order', () => {
    const columns = csvColumnsNamed<Record<string, unknown>>(['b', 'a']);
    expect(csvHeader(columns)).toBe('b,a\r\n');
    expect(csvRecord(columns, { a: 1, b: 'x' })).toBe('x,1\r\n');
  });

  it('reads back every record it writes', () => {
    const values = ['plain', '', null, 'a,b', 'say "hi"', 'two\r\nlines', '"', ',', '"",""'];
    const columns = csvColumnsNamed<Record<string, unknown>>(values.map((_, i) => `c${i}`));
    const row = Object.fromEntries(values.map((v, i) => [`c${i}`, v]));
    expect(parseCsvRecord(csvRecord(columns, row))).toEqual(values);
    expect(parseCsvRecord('a,')).toEqual(['a', null]);
    expect(() => parseCsvRecord('"open')).toThrow('unterminated');
    expect(() => parseCsvRecord('"a"b')).toThrow('unexpected');
  });
});
