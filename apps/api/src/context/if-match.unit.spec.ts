import { ProblemError } from '../errors/problem';
import { expectedRevisionOf } from './if-match';

describe('expectedRevisionOf', () => {
  it.each([
    ['"5"', 5n],
    ['W/"5"', 5n],
    ['5', 5n],
    ['"0"', 0n],
    ['"9223372036854775807"', 9223372036854775807n],
  ])('reads %s', (header, revision) => {
    expect(expectedRevisionOf(header)).toBe(revision);
  });

  it('is undefined without the header', () => {
    expect(expectedRevisionOf(undefined)).toBeUndefined();
  });

  it.each(['', '*', '"abc"', '"-1"', '"5', '"5", "6"', '"9223372036854775808"', 'W/5x'])('refuses %p with 400', (header) => {
    expect(() => expectedRevisionOf(header)).toThrow(ProblemError);
    try {
      expectedRevisionOf(header);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, extras: { errors: [{ field: 'If-Match' }] } });
    }
  });
});
