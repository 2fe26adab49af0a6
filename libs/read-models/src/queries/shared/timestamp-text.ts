// PostgreSQL's ISO output of a timestamptz, e.g. "2024-03-01 09:00:00.123456+00".
const TIMESTAMP_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

/**
 * Whether a cursor's timestamp is one PostgreSQL could have printed. Cursors carry timestamps
 * as text to keep their microseconds; a forged one must fail here, as a 400, rather than in a cast.
 */
export function isTimestampText(value: string): boolean {
  const match = TIMESTAMP_TEXT.exec(value);
  if (match === null) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}
