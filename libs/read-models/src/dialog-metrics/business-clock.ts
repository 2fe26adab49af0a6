import { alwaysOpen, businessMsBetween, type ScheduleTimeline } from '../business-hours';

/**
 * Open milliseconds between two instants under a line's hours. The folds take it as input, so
 * they stay pure: the caller decides which schedules were known at that point of the log.
 */
export type MeasureBusinessMs = (from: string, to: string, lineId: string | null) => number;

/** The schedule timelines by line; a line not in the map never had a schedule (always open). */
export type LineTimelines = ReadonlyMap<string, ScheduleTimeline>;

export const measureUnder =
  (timelines: LineTimelines): MeasureBusinessMs =>
  (from, to, lineId) =>
    businessMsBetween(from, to, (lineId === null ? undefined : timelines.get(lineId)) ?? alwaysOpen) ?? 0;

/** Business time equal to calendar time: every line always open. */
export const calendarMeasure: MeasureBusinessMs = measureUnder(new Map());
