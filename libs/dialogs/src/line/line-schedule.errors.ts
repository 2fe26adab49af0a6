import { DomainError } from '../shared/domain-error';
import { MAX_HOLIDAYS, MAX_SPANS_PER_DAY } from './line-schedule.values';

// Each names the offending `field` as a path into the schedule, so the edge can point at it.
export const lineScheduleErrors = {
  unknownTimeZone: (timeZone: string) =>
    new DomainError('schedule_time_zone_unknown', 'invalid', `${timeZone} is not an IANA time zone`, { field: 'timeZone', timeZone }),
  unknownWeekday: (key: string) =>
    new DomainError('schedule_weekday_unknown', 'invalid', `weekly.${key} is no weekday (mon, tue, wed, thu, fri, sat, sun)`, { field: `weekly.${key}` }),
  invalidTime: (field: string, value: string) =>
    new DomainError('schedule_time_invalid', 'invalid', `${field} must be a local time HH:MM (24:00 only as an end), not "${value}"`, { field }),
  emptySpan: (field: string) =>
    new DomainError('schedule_span_empty', 'invalid', `${field} must end after it starts (overnight hours are two days)`, { field }),
  overlappingSpans: (field: string) => new DomainError('schedule_spans_overlap', 'invalid', `${field} overlaps the span before it`, { field }),
  tooManySpans: (field: string) => new DomainError('schedule_too_many_spans', 'invalid', `${field} has more than ${MAX_SPANS_PER_DAY} spans`, { field }),
  invalidHoliday: (field: string, value: string) =>
    new DomainError('schedule_holiday_invalid', 'invalid', `${field} must be a date YYYY-MM-DD, not "${value}"`, { field }),
  tooManyHolidays: () => new DomainError('schedule_too_many_holidays', 'invalid', `holidays holds at most ${MAX_HOLIDAYS} dates`, { field: 'holidays' }),
  neverOpen: () => new DomainError('schedule_never_open', 'invalid', 'weekly opens on no day; clear the schedule to be always open', { field: 'weekly' }),
};
