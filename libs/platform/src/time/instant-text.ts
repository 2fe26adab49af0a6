/** ISO 8601 date and time with seconds optional, fraction optional, and a required offset. */
export const ISO_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Text that `isInstantText` accepted; a brand, so that a failed check leaves a string a string (not `never`). */
export type InstantText = string & { readonly __brand: 'InstantText' };

/**
 * An ISO 8601 instant with an offset (`2024-03-01T09:00:00Z`), or a date (`2024-03-01`, UTC
 * midnight), that exists in the calendar: the pattern alone lets 30 February through.
 */
export function isInstantText(value: unknown): value is InstantText {
  if (typeof value !== 'string' || !(ISO_DATE_TIME_PATTERN.test(value) || DATE_ONLY.test(value))) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  const [hour, minute, second] = time === null ? [0, 0, 0] : [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
  return valid && !Number.isNaN(Date.parse(value));
}
