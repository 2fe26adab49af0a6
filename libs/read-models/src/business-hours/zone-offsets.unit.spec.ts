import { offsetAt, offsetPieces } from './zone-offsets';

const HOUR = 3_600_000;
const year2024 = [Date.parse('2024-01-01T00:00:00Z'), Date.parse('2025-01-01T00:00:00Z')] as const;

describe('offsetPieces', () => {
  it.each([
    ['Europe/Berlin', ['2024-03-31T01:00:00.000Z', '2024-10-27T01:00:00.000Z'], [1, 2, 1]],
    ['America/New_York', ['2024-03-10T07:00:00.000Z', '2024-11-03T06:00:00.000Z'], [-5, -4, -5]],
    // Half-hour daylight saving, and southern summer at both ends of the year.
    ['Australia/Lord_Howe', ['2024-04-06T15:00:00.000Z', '2024-10-05T15:30:00.000Z'], [11, 10.5, 11]],
    ['Asia/Tokyo', [], [9]],
  ])('cuts 2024 in %s where the offset changes', (timeZone, changes, hours) => {
    const pieces = offsetPieces(timeZone, ...year2024);
    expect(pieces.slice(1).map((piece) => new Date(piece.fromMs).toISOString())).toEqual(changes);
    expect(pieces.map((piece) => piece.offsetMs / HOUR)).toEqual(hours);
    expect([pieces[0].fromMs, pieces.at(-1)?.toMs]).toEqual(year2024);
  });

  it('gives one piece within a stretch of one offset, and cuts across years', () => {
    expect(offsetPieces('Europe/Berlin', Date.parse('2024-11-01T00:00:00Z'), Date.parse('2025-03-01T00:00:00Z'))).toHaveLength(1);
    expect(offsetPieces('Europe/Berlin', Date.parse('2024-10-01T00:00:00Z'), Date.parse('2025-04-01T00:00:00Z'))).toHaveLength(3);
  });

  it('reads the offset at an instant, to the second', () => {
    expect(offsetAt('Europe/Berlin', Date.parse('2024-03-31T00:59:59.999Z'))).toBe(1 * HOUR);
    expect(offsetAt('Europe/Berlin', Date.parse('2024-03-31T01:00:00.000Z'))).toBe(2 * HOUR);
    expect(offsetAt('Asia/Kolkata', Date.parse('2024-06-01T00:00:00Z'))).toBe(5.5 * HOUR);
  });
});
