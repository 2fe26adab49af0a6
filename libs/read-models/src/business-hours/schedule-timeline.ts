import type { LineScheduleCleared, LineScheduleSet } from '@switchboard/dialogs';
import { openingCalendarOf, type OpeningCalendar } from './opening-calendar';

/** A schedule in force from `fromMs` until the next period starts; null is always open. */
export type SchedulePeriod = Readonly<{ fromMs: number; calendar: OpeningCalendar | null }>;

/**
 * One line's schedules over time, sorted by `fromMs`. Before the first period, and for a line
 * that never had a schedule (the empty timeline), the line is always open: business time is
 * calendar time.
 */
export type ScheduleTimeline = readonly SchedulePeriod[];

export type LineScheduleEvent = LineScheduleSet | LineScheduleCleared;

export const alwaysOpen: ScheduleTimeline = [];

/**
 * The timeline after one more schedule event, taken in log order. Each is in force from its
 * occurredAt; one that occurred before periods already recorded (a skewed clock) replaces them,
 * since the log says it was decided last.
 */
export function withScheduleEvent(timeline: ScheduleTimeline, event: LineScheduleEvent): ScheduleTimeline {
  const fromMs = Date.parse(event.data.occurredAt);
  if (Number.isNaN(fromMs)) return timeline;
  const calendar = event.type === 'LineScheduleSet' ? openingCalendarOf(event.data) : null;
  return [...timeline.filter((period) => period.fromMs < fromMs), { fromMs, calendar }];
}

export const scheduleTimelineOf = (events: Iterable<LineScheduleEvent>): ScheduleTimeline => {
  let timeline = alwaysOpen;
  for (const event of events) timeline = withScheduleEvent(timeline, event);
  return timeline;
};
