import { lineScheduleErrors } from './line-schedule.errors';
import {
  dayNumberOfLocalDate,
  MAX_HOLIDAYS,
  MAX_SPANS_PER_DAY,
  minutesOfLocalTime,
  weekdays,
  type LineSchedule,
  type LineScheduleInput,
  type OpeningSpan,
  type Weekday,
  type WeeklyHours,
} from './line-schedule.values';

/**
 * The schedule a command asks for, checked and in the one form events carry: the zone's
 * canonical name, all seven days with their spans sorted, holidays sorted and unique.
 */
export function lineScheduleOf(input: LineScheduleInput): LineSchedule {
  const timeZone = canonicalTimeZone(input.timeZone);
  for (const key of Object.keys(input.weekly)) {
    if (!(weekdays as readonly string[]).includes(key)) throw lineScheduleErrors.unknownWeekday(key);
  }
  const day = (name: Weekday) => openingSpansOf(name, input.weekly[name] ?? []);
  const weekly: WeeklyHours = { mon: day('mon'), tue: day('tue'), wed: day('wed'), thu: day('thu'), fri: day('fri'), sat: day('sat'), sun: day('sun') };
  if (weekdays.every((name) => weekly[name].length === 0)) throw lineScheduleErrors.neverOpen();
  return { timeZone, weekly, holidays: holidaysOf(input.holidays) };
}

// Offsets such as "+02:00" are refused even where the runtime accepts them: a fixed offset
// knows no daylight saving, which is the point of naming a zone.
function canonicalTimeZone(timeZone: string): string {
  if (!/^[A-Za-z]/.test(timeZone)) throw lineScheduleErrors.unknownTimeZone(timeZone);
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw lineScheduleErrors.unknownTimeZone(timeZone);
  }
}

function openingSpansOf(day: Weekday, spans: readonly OpeningSpan[]): OpeningSpan[] {
  const field = `weekly.${day}`;
  if (spans.length > MAX_SPANS_PER_DAY) throw lineScheduleErrors.tooManySpans(field);
  const timed = spans.map((span, index) => {
    const from = minutesOf(`${field}.${index}.from`, span.from, false);
    const to = minutesOf(`${field}.${index}.to`, span.to, true);
    if (to <= from) throw lineScheduleErrors.emptySpan(`${field}.${index}`);
    return { from, to, span: { from: span.from, to: span.to } };
  });
  timed.sort((a, b) => a.from - b.from);
  for (let index = 1; index < timed.length; index++) {
    if (timed[index].from < timed[index - 1].to) throw lineScheduleErrors.overlappingSpans(field);
  }
  return timed.map(({ span }) => span);
}

function minutesOf(field: string, value: string, endOfDay: boolean): number {
  const minutes = typeof value === 'string' ? minutesOfLocalTime(value, endOfDay) : null;
  if (minutes === null) throw lineScheduleErrors.invalidTime(field, String(value));
  return minutes;
}

function holidaysOf(holidays: readonly string[]): string[] {
  holidays.forEach((date, index) => {
    if (typeof date !== 'string' || dayNumberOfLocalDate(date) === null) throw lineScheduleErrors.invalidHoliday(`holidays.${index}`, String(date));
  });
  const unique = [...new Set(holidays)].sort();
  if (unique.length > MAX_HOLIDAYS) throw lineScheduleErrors.tooManyHolidays();
  return unique;
}

// Field by field rather than by JSON text: a stored event may come back with its keys reordered.
export function sameLineSchedule(a: LineSchedule, b: LineSchedule): boolean {
  const sameSpans = (x: readonly OpeningSpan[], y: readonly OpeningSpan[]) =>
    x.length === y.length && x.every((span, index) => span.from === y[index].from && span.to === y[index].to);
  return (
    a.timeZone === b.timeZone &&
    a.holidays.length === b.holidays.length &&
    a.holidays.every((date, index) => date === b.holidays[index]) &&
    weekdays.every((day) => sameSpans(a.weekly[day], b.weekly[day]))
  );
}
