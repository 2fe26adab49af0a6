import { dayNumberOfLocalDate, minutesOfLocalTime, weekdays, type LineSchedule } from '@switchboard/dialogs';

const MINUTE = 60_000;
const DAY = 86_400_000;
// 1970-01-01, day 0 of the wall clock, was a Thursday: index 3 in a week that starts on Monday.
const EPOCH_WEEKDAY = 3;

type Span = readonly [fromMs: number, toMs: number];

/**
 * A schedule prepared for counting. Wall-clock time is local time written as if it were UTC
 * ms since 1970 (so 1970-01-01T09:00 local is 9 h); on it every week has the same open hours
 * and every holiday removes one known day, so open time up to any moment is arithmetic.
 */
export type OpeningCalendar = Readonly<{
  timeZone: string;
  /** Monday first: each weekday's spans in ms since local midnight. */
  days: readonly (readonly Span[])[];
  openPerWeekMs: number;
  /** Open ms from Monday 00:00 to the start of weekday i, i = 0..7. */
  weekPrefixMs: readonly number[];
  /** Holidays as wall-clock day numbers, sorted; holidayPrefixMs[i] = open ms the first i remove. */
  holidayDays: readonly number[];
  holidayPrefixMs: readonly number[];
}>;

export function openingCalendarOf(schedule: LineSchedule): OpeningCalendar {
  const days = weekdays.map((day) => (schedule.weekly[day] ?? []).flatMap(spanOf));
  const openPerDay = days.map((spans) => spans.reduce((sum, [from, to]) => sum + to - from, 0));
  const weekPrefixMs = runningSums(openPerDay);
  const holidayDays = [...new Set(schedule.holidays.map(dayNumberOfLocalDate))].filter((day) => day !== null).sort((a, b) => a - b);
  const holidayPrefixMs = runningSums(holidayDays.map((day) => openPerDay[weekdayOf(day)]));
  return { timeZone: knownTimeZone(schedule.timeZone), days, openPerWeekMs: weekPrefixMs[7], weekPrefixMs, holidayDays, holidayPrefixMs };
}

/** Open ms between two wall-clock times, in O(log holidays) however far apart. */
export const openWallMsBetween = (calendar: OpeningCalendar, fromWallMs: number, toWallMs: number): number =>
  openSinceEpochMonday(calendar, toWallMs) - openSinceEpochMonday(calendar, fromWallMs);

function openSinceEpochMonday(calendar: OpeningCalendar, wallMs: number): number {
  const day = Math.floor(wallMs / DAY);
  const intoDay = wallMs - day * DAY;
  const weeks = Math.floor((day + EPOCH_WEEKDAY) / 7);
  const weekday = weekdayOf(day);
  const openToday = openWithinDay(calendar.days[weekday], intoDay);
  const regular = weeks * calendar.openPerWeekMs + calendar.weekPrefixMs[weekday] + openToday;
  const holidaysBefore = countBelow(calendar.holidayDays, day);
  const isHoliday = calendar.holidayDays[holidaysBefore] === day;
  return regular - calendar.holidayPrefixMs[holidaysBefore] - (isHoliday ? openToday : 0);
}

const weekdayOf = (day: number): number => (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;

function openWithinDay(spans: readonly Span[], intoDayMs: number): number {
  let open = 0;
  for (const [from, to] of spans) open += Math.max(0, Math.min(to, intoDayMs) - from);
  return open;
}

function runningSums(values: readonly number[]): number[] {
  const sums = [0];
  for (const value of values) sums.push(sums[sums.length - 1] + value);
  return sums;
}

// How many of the sorted values are below `value`.
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Recorded schedules were checked by the domain, but a fold must take every recorded fact: a
// span or holiday that does not parse (a hand-edited log) counts as closed rather than stopping
// the read model, and a zone this runtime does not know counts as UTC.
function spanOf(span: Readonly<{ from: string; to: string }>): Span[] {
  const from = minutesOfLocalTime(span.from, false);
  const to = minutesOfLocalTime(span.to, true);
  return from === null || to === null || to <= from ? [] : [[from * MINUTE, to * MINUTE]];
}

function knownTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}
