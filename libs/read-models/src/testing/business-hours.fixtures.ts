import type { LineSchedule, LineScheduleCleared, LineScheduleSet, OpeningSpan, WeeklyHours } from '@switchboard/dialogs';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export const closedWeek: WeeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const nineToFive: OpeningSpan[] = [{ from: '09:00', to: '17:00' }];
export const officeWeek: WeeklyHours = { ...closedWeek, mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };

export const schedule = (timeZone: string, weekly: Partial<WeeklyHours>, holidays: string[] = []): LineSchedule => ({
  timeZone,
  weekly: { ...closedWeek, ...weekly },
  holidays,
});

export const scheduleSet = (occurredAt: string, lineSchedule: LineSchedule): LineScheduleSet => ({
  type: 'LineScheduleSet',
  data: { lineId: 'support', ...lineSchedule, occurredAt },
});

export const scheduleCleared = (occurredAt: string): LineScheduleCleared => ({
  type: 'LineScheduleCleared',
  data: { lineId: 'support', occurredAt },
});
