import type { LineSchedule } from '@switchboard/dialogs';
import { businessMsBetween } from './business-time';
import { HOUR, MINUTE, officeWeek, schedule, scheduleCleared, scheduleSet } from '@switchboard/read-models/testing';
import { alwaysOpen, scheduleTimelineOf } from './schedule-timeline';

const since2020 = (lineSchedule: LineSchedule) => scheduleTimelineOf([scheduleSet('2020-01-01T00:00:00.000Z', lineSchedule)]);

const berlinOffice = since2020(schedule('Europe/Berlin', officeWeek, ['2024-12-25']));
const newYorkEvenings = since2020(schedule('America/New_York', { thu: [{ from: '20:00', to: '24:00' }] }, ['2024-07-04']));
const sundayNights = (timeZone: string) => since2020(schedule(timeZone, { sun: [{ from: '00:00', to: '06:00' }] }));
const overnight = since2020(schedule('Europe/Berlin', { fri: [{ from: '22:00', to: '24:00' }], sat: [{ from: '00:00', to: '06:00' }] }));

describe('businessMsBetween', () => {
  it.each([
    ['opening in the middle', berlinOffice, '2024-03-04T07:00:00Z', '2024-03-04T09:00:00Z', 1 * HOUR],
    ['a whole working day from midnight to midnight, CET', berlinOffice, '2024-03-04T00:00:00+01:00', '2024-03-05T00:00:00+01:00', 8 * HOUR],
    ['a night, closed', berlinOffice, '2024-03-04T18:00:00+01:00', '2024-03-05T08:59:00+01:00', 0],
    ['over a weekend', berlinOffice, '2024-03-08T16:00:00+01:00', '2024-03-11T10:00:00+01:00', 2 * HOUR],
    ['a holiday, closed all day', berlinOffice, '2024-12-25T00:00:00+01:00', '2024-12-26T00:00:00+01:00', 0],
    ['around a holiday', berlinOffice, '2024-12-24T12:00:00+01:00', '2024-12-26T12:00:00+01:00', 8 * HOUR],
    ['a holiday by the local date though UTC has moved on', newYorkEvenings, '2024-07-05T00:00:00Z', '2024-07-05T04:00:00Z', 0],
    ['the same evening a week later', newYorkEvenings, '2024-07-12T00:00:00Z', '2024-07-12T04:00:00Z', 4 * HOUR],
    ['overnight hours as two days', overnight, '2024-03-08T20:00:00+01:00', '2024-03-09T12:00:00+01:00', 8 * HOUR],
    ['spring forward in Berlin: the night is an hour shorter', sundayNights('Europe/Berlin'), '2024-03-30T12:00:00Z', '2024-03-31T12:00:00Z', 5 * HOUR],
    ['fall back in Berlin: the night is an hour longer', sundayNights('Europe/Berlin'), '2024-10-26T12:00:00Z', '2024-10-27T12:00:00Z', 7 * HOUR],
    ['spring forward in New York', sundayNights('America/New_York'), '2024-03-09T12:00:00Z', '2024-03-10T12:00:00Z', 5 * HOUR],
    ['fall back in New York', sundayNights('America/New_York'), '2024-11-02T12:00:00Z', '2024-11-03T12:00:00Z', 7 * HOUR],
    ['a normal Sunday night in New York', sundayNights('America/New_York'), '2024-11-09T12:00:00Z', '2024-11-10T12:00:00Z', 6 * HOUR],
    ['part of a fall-back night, from 01:00 EST on', sundayNights('America/New_York'), '2024-11-03T06:00:00Z', '2024-11-03T08:00:00Z', 2 * HOUR],
    ['zero length', berlinOffice, '2024-03-04T10:00:00Z', '2024-03-04T10:00:00Z', 0],
    ['reversed, clamped to 0', berlinOffice, '2024-03-04T12:00:00Z', '2024-03-04T10:00:00Z', 0],
    ['no schedule: calendar time', alwaysOpen, '2024-03-04T10:00:00Z', '2024-03-09T10:30:00Z', 5 * 24 * HOUR + 30 * MINUTE],
  ])('%s', (_case, timeline, from, to, expected) => {
    expect(businessMsBetween(from, to, timeline)).toBe(expected);
  });

  it('counts the hour DST repeats twice when it is open, and the hour it skips never', () => {
    // New York, 2024-11-03: 01:00-02:00 happens twice; open until 01:30 means 00:00-01:30 EDT and 01:00-01:30 EST.
    const untilHalfPastOne = since2020(schedule('America/New_York', { sun: [{ from: '00:00', to: '01:30' }] }));
    expect(businessMsBetween('2024-11-02T00:00:00Z', '2024-11-04T00:00:00Z', untilHalfPastOne)).toBe(2 * HOUR);
    // Berlin, 2024-03-31: 02:00-03:00 does not exist; 02:30-04:00 is open from 03:00 CEST only.
    const fromHalfPastTwo = since2020(schedule('Europe/Berlin', { sun: [{ from: '02:30', to: '04:00' }] }));
    expect(businessMsBetween('2024-03-30T00:00:00Z', '2024-04-01T00:00:00Z', fromHalfPastTwo)).toBe(1 * HOUR);
  });

  it('gives null without an end, like elapsedMs', () => {
    expect(businessMsBetween('2024-03-04T10:00:00Z', null, berlinOffice)).toBeNull();
    expect(businessMsBetween(null, '2024-03-04T10:00:00Z', berlinOffice)).toBeNull();
  });

  describe('schedule changes', () => {
    const office = schedule('Europe/Berlin', officeWeek);
    const lateMornings = schedule('UTC', { mon: [{ from: '10:00', to: '12:00' }], thu: [{ from: '10:00', to: '12:00' }] });

    it('counts each part of the interval under the schedule in force then', () => {
      // Office hours Monday to Wednesday 13:00 Berlin time, then 10:00-12:00 UTC on Thursdays.
      const timeline = scheduleTimelineOf([scheduleSet('2024-03-04T00:00:00Z', office), scheduleSet('2024-03-06T12:00:00Z', lateMornings)]);
      expect(businessMsBetween('2024-03-04T00:00:00Z', '2024-03-08T00:00:00Z', timeline)).toBe((8 + 8 + 4 + 2) * HOUR);
    });

    it('is always open before the first schedule and after a clear', () => {
      const timeline = scheduleTimelineOf([scheduleSet('2024-03-04T08:00:00Z', office), scheduleCleared('2024-03-04T10:00:00Z')]);
      // 07:00-08:00 before (1 h), 08:00-10:00 UTC = 09:00-11:00 Berlin, open (2 h), after the clear 10:00-12:00 (2 h).
      expect(businessMsBetween('2024-03-04T07:00:00Z', '2024-03-04T12:00:00Z', timeline)).toBe(5 * HOUR);
    });

    it('lets a schedule recorded later replace periods it predates (a skewed clock)', () => {
      const timeline = scheduleTimelineOf([scheduleSet('2024-03-05T00:00:00Z', lateMornings), scheduleSet('2024-03-04T00:00:00Z', office)]);
      expect(timeline).toHaveLength(1);
      expect(businessMsBetween('2024-03-04T00:00:00Z', '2024-03-09T00:00:00Z', timeline)).toBe(5 * 8 * HOUR);
    });
  });

  it('counts ten years at once, whole weeks by arithmetic', () => {
    const holidays = ['2025-12-25', '2026-12-25', '2027-12-25'];
    const timeline = since2020(schedule('Europe/Berlin', officeWeek, holidays));
    let weekdays = 0;
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2034, 0, 1); day += 24 * HOUR) {
      const weekday = new Date(day).getUTCDay();
      const date = new Date(day).toISOString().slice(0, 10);
      if (weekday >= 1 && weekday <= 5 && !holidays.includes(date)) weekdays++;
    }
    expect(businessMsBetween('2024-01-01T00:00:00+01:00', '2034-01-01T00:00:00+01:00', timeline)).toBe(weekdays * 8 * HOUR);
  });
});
