import type { AutomaticRoutingMode } from '../routing/routing.policy';
import type { Event } from '../shared/event';
import type { LineSchedule } from './line-schedule.values';
import type { RoutingMode } from './line.values';

type LineFact<Type extends string, Data = unknown> = Event<Type, Data & { lineId: string; occurredAt: string }>;

export type LineCreated = LineFact<'LineCreated', { name: string; routingMode: RoutingMode; operatorIds: readonly string[] }>;
export type LineDeleted = LineFact<'LineDeleted'>;
// Recorded on the line's stream so that the round-robin cursor moves under the stream's
// optimistic concurrency: two dialogs routed at once cannot both take the same turn.
export type DialogRouted = LineFact<'DialogRouted', { dialogId: string; operatorId: string; routingMode: AutomaticRoutingMode }>;

// The whole schedule, in force from occurredAt until the next LineScheduleSet or
// LineScheduleCleared; before the first one a line is always open.
export type LineScheduleSet = LineFact<'LineScheduleSet', LineSchedule>;
export type LineScheduleCleared = LineFact<'LineScheduleCleared'>;

export type LineEvent = LineCreated | LineDeleted | DialogRouted | LineScheduleSet | LineScheduleCleared;

export type LineEventType = LineEvent['type'];

export const lineEventSchemaVersions: Readonly<Record<LineEventType, number>> = {
  LineCreated: 1,
  LineDeleted: 1,
  DialogRouted: 1,
  LineScheduleSet: 1,
  LineScheduleCleared: 1,
};
