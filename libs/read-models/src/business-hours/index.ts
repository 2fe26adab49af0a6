// Business hours: how much of an interval a line was open, for the business-hours value next
// to every calendar timing. Pure functions; no database, no framework.
export { businessMsBetween } from './business-time';
export { alwaysOpen, scheduleTimelineOf, withScheduleEvent } from './schedule-timeline';
export type { LineScheduleEvent, SchedulePeriod, ScheduleTimeline } from './schedule-timeline';
export type { OpeningCalendar } from './opening-calendar';
