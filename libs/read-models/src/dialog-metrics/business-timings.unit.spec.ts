import type { DialogEvent } from '@switchboard/dialogs';
import {
  bot,
  businessAfter,
  client,
  closed,
  foldBusiness,
  HOUR,
  iso,
  metricsAfter,
  officeWeek,
  opened,
  operator,
  reopened,
  schedule,
  scheduleCleared,
  scheduleSet,
  taken,
  transferred,
} from '@switchboard/read-models/testing';
import { scheduleTimelineOf, type LineScheduleEvent, type ScheduleTimeline } from '../business-hours';
import { measureUnder } from './business-clock';
import type { BusinessTimings } from './business-timings.view';
import type { DialogTimings } from './dialog-metrics.view';

// Minute 0 is Friday 2024-03-01 09:00 in London (GMT, offset 0 until the end of March).
const DAY_MINUTES = 24 * 60;
const MONDAY_9 = 3 * DAY_MINUTES;
const office = schedule('Europe/London', officeWeek);
const officeWithMondayOff = schedule('Europe/London', officeWeek, ['2024-03-04']);
const timeline = (...events: LineScheduleEvent[]): ScheduleTimeline => scheduleTimelineOf(events);
const officeHours = timeline(scheduleSet(iso(-60), office));
const under = (lines: Record<string, ScheduleTimeline>) => measureUnder(new Map(Object.entries(lines)));

type Row = [string, DialogEvent[], Record<string, ScheduleTimeline>, Partial<BusinessTimings>];

describe('business-hours timings', () => {
  it.each<Row>([
    [
      'a wait over the weekend counts Friday 9-17 only',
      [opened(0), client(0), operator('op-1', MONDAY_9)],
      { 'line-sales': officeHours },
      { waitForFirstReplyBusinessMs: 8 * HOUR, firstMessageResponseBusinessMs: 8 * HOUR, totalResponseBusinessMs: 8 * HOUR },
    ],
    [
      'a holiday on Monday counts nothing that day',
      [opened(0), client(0), operator('op-1', MONDAY_9 + 120)],
      { 'line-sales': timeline(scheduleSet(iso(-60), officeWithMondayOff)) },
      { waitForFirstReplyBusinessMs: 8 * HOUR },
    ],
    [
      'without the holiday Monday 9-11 counts',
      [opened(0), client(0), operator('op-1', MONDAY_9 + 120)],
      { 'line-sales': officeHours },
      { waitForFirstReplyBusinessMs: 10 * HOUR },
    ],
    [
      'a schedule cleared on Saturday 9:00: always open from then',
      [opened(0), client(0), operator('op-1', MONDAY_9)],
      { 'line-sales': timeline(scheduleSet(iso(-60), office), scheduleCleared(iso(DAY_MINUTES))) },
      { waitForFirstReplyBusinessMs: 8 * HOUR + 48 * HOUR },
    ],
    [
      'a schedule set in the middle: always open before it',
      [opened(0), client(0), operator('op-1', MONDAY_9)],
      { 'line-sales': timeline(scheduleSet(iso(8 * 60), office)) },
      { waitForFirstReplyBusinessMs: 8 * HOUR },
    ],
    [
      'a take at 18:00 after opening at 16:00 counts one hour',
      [opened(7 * 60), client(7 * 60), taken('op-1', 9 * 60)],
      { 'line-sales': officeHours },
      { timeToStartOfWorkBusinessMs: HOUR },
    ],
    [
      'a close on Monday 10:00 of a dialog opened Friday 16:00',
      [opened(7 * 60), client(7 * 60), closed(MONDAY_9 + 60)],
      { 'line-sales': officeHours },
      { timeToCloseByOperatorBusinessMs: 2 * HOUR, firstMessageResponseBusinessMs: 2 * HOUR, waitForFirstReplyBusinessMs: null },
    ],
    [
      'duration from first to last message, bot time from bot to operator',
      [opened(0), client(0), bot(60), operator('op-1', MONDAY_9 + 30), client(MONDAY_9 + 90)],
      { 'line-sales': officeHours },
      { durationBusinessMs: 9.5 * HOUR, botTimeBusinessMs: 7.5 * HOUR },
    ],
    [
      'total, mean and max over the closed intervals',
      [opened(0), client(0), operator('op-1', 60), client(7 * 60), operator('op-1', MONDAY_9 + 60)],
      { 'line-sales': officeHours },
      { totalResponseBusinessMs: 3 * HOUR, averageResponseBusinessMs: 1.5 * HOUR, maxResponseBusinessMs: 2 * HOUR },
    ],
    [
      'transferred to a line without hours: the line that answered counts',
      [opened(0), client(0), transferred('line-support', 60), operator('op-1', MONDAY_9)],
      { 'line-sales': officeHours },
      { waitForFirstReplyBusinessMs: 72 * HOUR, totalResponseBusinessMs: 72 * HOUR },
    ],
    [
      'transferred into a line with hours: its hours count for the whole wait',
      [opened(0, { lineId: 'line-support' }), client(0), transferred('line-sales', 60, 'line-support'), operator('op-1', MONDAY_9)],
      { 'line-sales': officeHours },
      { waitForFirstReplyBusinessMs: 8 * HOUR },
    ],
  ])('%s', (_name, events, lines, expected) => {
    expect(businessAfter(events, under(lines))).toMatchObject(expected);
  });

  it('keeps a timing measured before a transfer under the hours of the line it ended in', () => {
    const events = [opened(0), client(0), operator('op-1', MONDAY_9), transferred('line-support', MONDAY_9 + 1)];
    expect(businessAfter(events, under({ 'line-sales': officeHours, 'line-support': timeline() }))).toMatchObject({ waitForFirstReplyBusinessMs: 8 * HOUR });
  });

  it('never rewrites a value measured before a schedule reached the fold', () => {
    const before = foldBusiness([opened(0), client(0), operator('op-1', MONDAY_9)], under({}));
    const after = foldBusiness([client(MONDAY_9 + 10), operator('op-1', MONDAY_9 + 70)], under({ 'line-sales': officeHours }), before);
    expect(after.business.waitForFirstReplyMs).toBe(72 * HOUR);
    expect(after.business.responseMs).toEqual([72 * HOUR, HOUR]);
  });

  it('is null where the calendar value is, and follows a reopen', () => {
    const reopenedDialog = [opened(0), client(0), closed(60), reopened(120)];
    expect(businessAfter(reopenedDialog, under({ 'line-sales': officeHours }))).toMatchObject({
      timeToCloseByOperatorBusinessMs: null,
      totalResponseBusinessMs: null,
    });
  });

  const calendarOf = (timings: DialogTimings): BusinessTimings => ({
    waitForFirstReplyBusinessMs: timings.waitForFirstReplyMs,
    timeToStartOfWorkBusinessMs: timings.timeToStartOfWorkMs,
    timeToCloseByOperatorBusinessMs: timings.timeToCloseByOperatorMs,
    durationBusinessMs: timings.durationMs,
    firstMessageResponseBusinessMs: timings.firstMessageResponseMs,
    botTimeBusinessMs: timings.botTimeMs,
    totalResponseBusinessMs: timings.totalResponseMs,
    averageResponseBusinessMs: timings.averageResponseMs,
    maxResponseBusinessMs: timings.maxResponseMs,
  });

  it.each<[string, DialogEvent[]]>([
    ['a full dialog', [opened(0), bot(1), client(2), taken('op-1', 3), operator('op-1', 5), client(9), client(11), operator('op-2', 20), closed(30)]],
    ['a reopened one', [opened(0), client(1), closed(3), reopened(5), client(6), operator('op-1', 8), closed(12), reopened(13), closed(14)]],
    ['a transferred one', [opened(0), client(1), transferred('line-x', 2), operator('op-1', MONDAY_9), client(MONDAY_9 + 5), operator('op-1', MONDAY_9 + 9)]],
  ])('equals the calendar value on lines without a schedule: %s', (_name, events) => {
    for (let length = 1; length <= events.length; length++) {
      const prefix = events.slice(0, length);
      expect(businessAfter(prefix)).toEqual(calendarOf(metricsAfter(prefix).timings));
    }
  });
});
