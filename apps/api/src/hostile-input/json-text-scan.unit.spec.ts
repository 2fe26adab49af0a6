import { firstJsonTextProblem } from './json-text-scan';

describe('firstJsonTextProblem', () => {
  const scan = (text: string, maxDepth = 16) => firstJsonTextProblem(text, maxDepth);

  it('accepts ordinary bodies, escapes and pairs of surrogates included', () => {
    expect(scan('{"text":"Hi \\"you\\" \\\\ \\n \\u00e9 \\ud83d\\ude00 😀","attachments":[{"name":"a"},{"name":"a"}],"n":[1,2,{}]}')).toBeUndefined();
    expect(scan('[]')).toBeUndefined();
    expect(scan('{"a":{"a":{"a":1}}}')).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, naming where, and allows the limit itself', () => {
    expect(scan('[[[1]]]', 3)).toBeUndefined();
    expect(scan('[[[[1]]]]', 3)).toEqual({ field: '0.0.0', reason: 'must not nest deeper than 3 levels' });
    expect(scan('{"a":{"b":{"c":{}}}}', 3)).toEqual({ field: 'a.b.c', reason: expect.stringMatching(/3 levels/) });
    // Half a million levels cost one pass and no stack.
    expect(scan('['.repeat(500_000) + ']'.repeat(500_000))?.reason).toMatch(/16 levels/);
  });

  it('refuses a key given twice in one object, also when spelled with escapes', () => {
    expect(scan('{"a":1,"b":{"c":1,"c":2}}')).toEqual({ field: 'b.c', reason: 'appears more than once in the same object' });
    expect(scan('{"ab":1,"\\u0061b":2}')).toEqual({ field: 'ab', reason: expect.stringMatching(/more than once/) });
    expect(scan('[{"a":1},{"a":1}]')).toBeUndefined();
  });

  it('refuses reserved keys at any depth', () => {
    expect(scan('{"__proto__":{"admin":true}}')).toEqual({ field: '__proto__', reason: expect.stringMatching(/reserved/) });
    expect(scan('{"client":{"constructor":{"prototype":1}}}')).toEqual({ field: 'client.constructor', reason: expect.stringMatching(/reserved/) });
    expect(scan('{"list":[1,{"\\u005f_proto__":1}]}')).toEqual({ field: 'list.1.__proto__', reason: expect.stringMatching(/reserved/) });
  });

  it('refuses U+0000 and lone surrogates in values and keys, naming the field', () => {
    expect(scan('{"text":"a\\u0000b"}')).toEqual({ field: 'text', reason: expect.stringMatching(/U\+0000/) });
    expect(scan('{"client":{"name":"\\ud800"}}')).toEqual({ field: 'client.name', reason: expect.stringMatching(/lone/) });
    expect(scan('{"a":["x","\\udc00y"]}')).toEqual({ field: 'a.1', reason: expect.stringMatching(/lone/) });
    expect(scan('{"a":"\\ud800\\u0041"}')?.reason).toMatch(/lone/);
    expect(scan('{"\\ud800":1}')?.reason).toMatch(/lone/);
  });

  it('leaves syntax errors to the parser', () => {
    expect(scan('{"a":')).toBeUndefined();
    expect(scan('}}]]')).toBeUndefined();
    expect(scan('"unterminated')).toBeUndefined();
  });
});
