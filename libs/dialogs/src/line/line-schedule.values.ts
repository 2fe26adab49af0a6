// A line's opening hours. Times are the line's local wall-clock times in its IANA time zone,
// so "09:00" stays nine in the morning across daylight-saving changes.

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof weekdays)[number];

/** `from` inclusive, `to` exclusive, "HH:MM"; `to` may be "24:00" (the end of the day). */
export type OpeningSpan = Readonly<{ from: string; to: string }>;

/** Every weekday present, each a sorted list of non-overlapping spans; an empty day is closed. */
export type WeeklyHours = Readonly<Record<Weekday, readonly OpeningSpan[]>>;

export type LineSchedule = Readonly<{
  timeZone: string;
  weekly: WeeklyHours;
  /** Local dates, YYYY-MM-DD, sorted and unique: closed all day. */
  holidays: readonly string[];
}>;

/** What a command may give: days left out are closed, holidays in any order. */
export type LineScheduleInput = Readonly<{
  timeZone: string;
  weekly: Readonly<Partial<Record<Weekday, readonly OpeningSpan[]>>>;
  holidays: readonly string[];
}>;

export const MAX_SPANS_PER_DAY = 24;
export const MAX_HOLIDAYS = 1_000;
export const MINUTES_PER_DAY = 24 * 60;

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes since local midnight of "HH:MM", or null when it is no time of day. "24:00" is the
 * end of the day and only valid where `endOfDay` allows it.
 */
export function minutesOfLocalTime(value: string, endOfDay: boolean): number | null {
  if (endOfDay && value === '24:00') return MINUTES_PER_DAY;
  const match = TIME_PATTERN.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date "YYYY-MM-DD", or null when no such date exists. */
export function dayNumberOfLocalDate(value: string): number | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const roundTrip = new Date(ms);
  // Date.UTC rolls 2024-02-30 over into March; a date that does not come back unchanged is not a date.
  if (roundTrip.getUTCFullYear() !== year || roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== day) return null;
  return ms / 86_400_000;
}
