import { at, deciderSpec, iso } from '@switchboard/dialogs/testing';
import type { LineCommand } from './line.commands';
import { lineDecider } from './line.decider';
import type { LineEvent } from './line.events';
import type { LineScheduleInput, WeeklyHours } from './line-schedule.values';

const spec = deciderSpec(lineDecider, undefined);
const lineId = 'line-sales';
const metadata = { actor: { kind: 'admin', id: 'admin-1' } as const, occurredAt: at(5) };

const created: LineEvent = {
  type: 'LineCreated',
  data: { lineId, name: 'Sales', routingMode: 'manual', operatorIds: [], occurredAt: iso(0) },
};
const deleted: LineEvent = { type: 'LineDeleted', data: { lineId, occurredAt: iso(1) } };
const nineToFive = [{ from: '09:00', to: '17:00' }];
const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const officeWeek: WeeklyHours = { ...closed, mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const office: LineScheduleInput = { timeZone: 'Europe/Berlin', weekly: officeWeek, holidays: ['2024-12-25'] };

const setSchedule = (input: Partial<LineScheduleInput>): LineCommand => ({
  type: 'SetLineSchedule',
  data: { lineId, ...office, ...input },
  metadata,
});
const scheduleSet = (minute: number, input: LineScheduleInput = office): LineEvent => ({
  type: 'LineScheduleSet',
  data: { lineId, timeZone: input.timeZone, weekly: { ...closed, ...input.weekly }, holidays: input.holidays, occurredAt: iso(minute) },
});
const clear: LineCommand = { type: 'ClearLineSchedule', data: { lineId }, metadata };

describe('SetLineSchedule', () => {
  it('records the whole schedule, in force from the command time', () => {
    spec
      .given([created])
      .when(setSchedule({}))
      .then([scheduleSet(5)]);
  });

  it('records all seven days, sorts spans and holidays, drops repeated holidays and names the zone canonically', () => {
    const weekly = {
      sat: [
        { from: '13:00', to: '18:00' },
        { from: '08:00', to: '12:00' },
      ],
      sun: [{ from: '22:00', to: '24:00' }],
    };
    spec
      .given([created])
      .when(setSchedule({ timeZone: 'america/new_york', weekly, holidays: ['2024-12-31', '2024-01-01', '2024-12-31'] }))
      .then([
        scheduleSet(5, {
          timeZone: 'America/New_York',
          weekly: {
            ...closed,
            sat: [
              { from: '08:00', to: '12:00' },
              { from: '13:00', to: '18:00' },
            ],
            sun: [{ from: '22:00', to: '24:00' }],
          },
          holidays: ['2024-01-01', '2024-12-31'],
        }),
      ]);
  });

  it('accepts spans that touch', () => {
    const mon = [
      { from: '09:00', to: '12:00' },
      { from: '12:00', to: '17:00' },
    ];
    spec
      .given([created])
      .when(setSchedule({ weekly: { mon } }))
      .then([scheduleSet(5, { ...office, weekly: { ...closed, mon } })]);
  });

  it('replaces an earlier schedule', () => {
    const weekly = { ...officeWeek, sat: nineToFive };
    spec
      .given([created, scheduleSet(1)])
      .when(setSchedule({ weekly }))
      .then([scheduleSet(5, { ...office, weekly })]);
  });

  it('records nothing when the same hours are set again', () => {
    spec
      .given([created, scheduleSet(1)])
      .when(setSchedule({ holidays: ['2024-12-25', '2024-12-25'] }))
      .thenNothing();
  });

  it.each([
    ['an unknown zone', { timeZone: 'Mars/Olympus' }, 'schedule_time_zone_unknown'],
    ['a fixed offset instead of a zone', { timeZone: '+02:00' }, 'schedule_time_zone_unknown'],
    ['an empty zone', { timeZone: '' }, 'schedule_time_zone_unknown'],
    ['an hour past 23', { weekly: { mon: [{ from: '25:00', to: '26:00' }] } }, 'schedule_time_invalid'],
    ['a time without leading zero', { weekly: { mon: [{ from: '9:00', to: '17:00' }] } }, 'schedule_time_invalid'],
    ['24:00 as a start', { weekly: { mon: [{ from: '24:00', to: '24:00' }] } }, 'schedule_time_invalid'],
    ['an end before the start (overnight in one span)', { weekly: { fri: [{ from: '22:00', to: '06:00' }] } }, 'schedule_span_empty'],
    ['an empty span', { weekly: { fri: [{ from: '10:00', to: '10:00' }] } }, 'schedule_span_empty'],
    [
      'overlapping spans',
      {
        weekly: {
          tue: [
            { from: '09:00', to: '13:00' },
            { from: '12:00', to: '17:00' },
          ],
        },
      },
      'schedule_spans_overlap',
    ],
    [
      'too many spans in a day',
      { weekly: { wed: Array.from({ length: 25 }, (_, h) => ({ from: '00:00', to: `${String(h).padStart(2, '0')}:30` })) } },
      'schedule_too_many_spans',
    ],
    ['a day that is no weekday', { weekly: { ...officeWeek, thur: nineToFive } as LineScheduleInput['weekly'] }, 'schedule_weekday_unknown'],
    ['no open hour in the week', { weekly: {} }, 'schedule_never_open'],
    ['a holiday that does not exist', { holidays: ['2023-02-29'] }, 'schedule_holiday_invalid'],
    ['a holiday in another format', { holidays: ['25.12.2024'] }, 'schedule_holiday_invalid'],
    [
      'too many holidays',
      { holidays: Array.from({ length: 1001 }, (_, day) => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10)) },
      'schedule_too_many_holidays',
    ],
  ])('refuses %s', (_case, input, code) => {
    spec.given([created]).when(setSchedule(input)).thenFails({ code, kind: 'invalid' });
  });

  it('names the offending field', () => {
    const act = () =>
      lineDecider.decide(
        setSchedule({ weekly: { mon: [nineToFive[0], { from: '18:00', to: '7pm' }] } }),
        lineDecider.evolve(lineDecider.initialState, created),
        undefined,
      );
    expect(act).toThrow(expect.objectContaining({ details: { field: 'weekly.mon.1.to' } }));
  });

  it('refuses a deleted line', () => {
    spec.given([created, deleted]).when(setSchedule({})).thenFails({ code: 'line_deleted', kind: 'conflict' });
  });

  it('refuses an unknown line', () => {
    spec.given([]).when(setSchedule({})).thenFails({ code: 'line_not_found', kind: 'not_found' });
  });
});

describe('ClearLineSchedule', () => {
  it('makes the line always open again', () => {
    spec
      .given([created, scheduleSet(1)])
      .when(clear)
      .then([{ type: 'LineScheduleCleared', data: { lineId, occurredAt: iso(5) } }]);
  });

  it('records nothing when the line is already always open', () => {
    spec
      .given([created, scheduleSet(1), { type: 'LineScheduleCleared', data: { lineId, occurredAt: iso(2) } }])
      .when(clear)
      .thenNothing();
  });

  it('lets the same schedule be set again after a clear', () => {
    spec
      .given([created, scheduleSet(1), { type: 'LineScheduleCleared', data: { lineId, occurredAt: iso(2) } }])
      .when(setSchedule({}))
      .then([scheduleSet(5)]);
  });

  it('refuses a deleted line', () => {
    spec.given([created, deleted]).when(clear).thenFails({ code: 'line_deleted', kind: 'conflict' });
  });
});
