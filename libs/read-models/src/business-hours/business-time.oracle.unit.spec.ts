import { minutesOfLocalTime, weekdays, type LineSchedule } from '@switchboard/dialogs';
import { businessMsBetween } from './business-time';
import { HOUR, MINUTE, schedule, scheduleCleared, scheduleSet } from '@switchboard/read-models/testing';
import { scheduleTimelineOf } from './schedule-timeline';

// The calendar against the plainest possible reading of the rule: walk minute by minute, ask
// Intl for the wall clock, and count the minutes whose local date and time are open. Every
// schedule time and zone change falls on a whole minute, so both must agree exactly.

type Change = Readonly<{ atMs: number; schedule: LineSchedule | null }>;

const wallClocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string, ms: number): { date: string; weekday: number; minutes: number } {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallClocks.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday'));
  return { date: `${part('year')}-${part('month')}-${part('day')}`, weekday, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

function isOpen(lineSchedule: LineSchedule | null, ms: number): boolean {
  if (lineSchedule === null) return true;
  const local = wallClock(lineSchedule.timeZone, ms);
  if (lineSchedule.holidays.includes(local.date)) return false;
  return lineSchedule.weekly[weekdays[local.weekday]].some(
    (span) => local.minutes >= (minutesOfLocalTime(span.from, false) ?? NaN) && local.minutes < (minutesOfLocalTime(span.to, true) ?? NaN),
  );
}

function oracleMs(fromMs: number, toMs: number, changes: readonly Change[]): number {
  let open = 0;
  for (let minute = fromMs; minute < toMs; minute += MINUTE) {
    const inForce = changes.filter((change) => change.atMs <= minute).at(-1);
    if (isOpen(inForce ? inForce.schedule : null, minute)) open += MINUTE;
  }
  return open;
}

// A small seeded generator, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const berlin = schedule(
  'Europe/Berlin',
  {
    mon: [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '18:30' },
    ],
    fri: [{ from: '09:00', to: '24:00' }],
    sat: [
      { from: '00:00', to: '02:30' },
      { from: '10:00', to: '14:00' },
    ],
    sun: [
      { from: '01:15', to: '03:45' },
      { from: '22:00', to: '24:00' },
    ],
  },
  ['2024-03-31', '2024-10-28'],
);
const newYork = schedule(
  'America/New_York',
  {
    sun: [
      { from: '00:30', to: '02:30' },
      { from: '09:00', to: '17:00' },
    ],
    mon: [{ from: '00:00', to: '24:00' }],
    thu: [{ from: '20:00', to: '24:00' }],
  },
  ['2024-11-04'],
);

const scenarios: readonly { name: string; changes: Change[]; around: string[] }[] = [
  { name: 'Berlin', changes: [{ atMs: Date.parse('2024-01-01T00:00:00Z'), schedule: berlin }], around: ['2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z'] },
  { name: 'New York', changes: [{ atMs: Date.parse('2024-01-01T00:00:00Z'), schedule: newYork }], around: ['2024-03-10T07:00:00Z', '2024-11-03T06:00:00Z'] },
  {
    name: 'Berlin, then New York, then always open',
    changes: [
      { atMs: Date.parse('2024-10-26T09:17:00Z'), schedule: berlin },
      { atMs: Date.parse('2024-10-27T03:41:00Z'), schedule: newYork },
      { atMs: Date.parse('2024-10-28T15:00:00Z'), schedule: null },
    ],
    around: ['2024-10-27T03:41:00Z'],
  },
];

describe('businessMsBetween agrees with a minute-by-minute count', () => {
  describe.each(scenarios)('$name', ({ changes, around }) => {
    const timeline = scheduleTimelineOf(
      changes.map((change) => {
        const at = new Date(change.atMs).toISOString();
        return change.schedule === null ? scheduleCleared(at) : scheduleSet(at, change.schedule);
      }),
    );
    const next = random(around.length * 7919 + changes.length);
    const cases = Array.from({ length: 25 }, () => {
      const centre = Date.parse(around[Math.floor(next() * around.length)]);
      const fromMs = centre + Math.round((next() - 0.5) * 96 * 60) * MINUTE;
      const toMs = fromMs + Math.round((next() - 0.1) * 72 * 60) * MINUTE;
      return [new Date(fromMs).toISOString(), new Date(toMs).toISOString()] as const;
    });

    it.each(cases)('from %s to %s', (from, to) => {
      const expected = oracleMs(Date.parse(from), Date.parse(to), changes);
      expect(businessMsBetween(from, to, timeline)).toBe(expected);
    });

    it('over the whole week around each change', () => {
      for (const centre of around.map(Date.parse)) {
        const [fromMs, toMs] = [centre - 84 * HOUR, centre + 84 * HOUR];
        expect(businessMsBetween(new Date(fromMs).toISOString(), new Date(toMs).toISOString(), timeline)).toBe(oracleMs(fromMs, toMs, changes));
      }
    });
  });
});
