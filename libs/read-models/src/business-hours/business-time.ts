import { openWallMsBetween, type OpeningCalendar } from './opening-calendar';
import type { ScheduleTimeline } from './schedule-timeline';
import { offsetPieces } from './zone-offsets';

/**
 * The open time between two instants, in ms: each part of the interval under the schedule in
 * force then, always open before the first. An instant is open when the line's wall clock
 * shows a time within that weekday's hours on a date that is no holiday; so the hour that
 * daylight saving skips is never open, and the hour it repeats counts twice when open.
 * Like elapsedMs, a reversed interval counts 0 and a missing end gives null.
 */
export function businessMsBetween(from: string | null, to: string | null, timeline: ScheduleTimeline): number | null {
  if (from === null || to === null) return null;
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  if (!(toMs > fromMs)) return 0;
  let total = 0;
  let start = fromMs;
  // Before the first period the line is always open.
  const untilFirst = timeline.length === 0 ? toMs : Math.min(toMs, timeline[0].fromMs);
  if (untilFirst > start) {
    total += untilFirst - start;
    start = untilFirst;
  }
  for (let index = 0; index < timeline.length && start < toMs; index++) {
    const periodEnd = index + 1 < timeline.length ? Math.min(toMs, timeline[index + 1].fromMs) : toMs;
    if (periodEnd <= start) continue;
    const { calendar } = timeline[index];
    total += calendar === null ? periodEnd - start : openMsBetween(calendar, start, periodEnd);
    start = periodEnd;
  }
  return total;
}

// Within a piece of constant offset the wall clock is UTC shifted, so the open time of the
// piece is the calendar's open wall-clock time over the shifted bounds.
function openMsBetween(calendar: OpeningCalendar, fromMs: number, toMs: number): number {
  let open = 0;
  for (const piece of offsetPieces(calendar.timeZone, fromMs, toMs)) {
    open += openWallMsBetween(calendar, piece.fromMs + piece.offsetMs, piece.toMs + piece.offsetMs);
  }
  return open;
}
