import type { RoutingCandidate } from '../routing/routing.policy';
import type { Command, Request } from '../shared/command';
import type { LineScheduleInput } from './line-schedule.values';
import type { RoutingMode } from './line.values';

export type CreateLine = Command<'CreateLine', { lineId: string; name: string; routingMode: RoutingMode; operatorIds: readonly string[] }>;
export type DeleteLine = Command<'DeleteLine', { lineId: string }>;
// The handler fills candidates from the workload read model: the line's operators with their
// status and current number of open dialogs.
export type RouteDialog = Command<'RouteDialog', { lineId: string; dialogId: string; candidates: readonly RoutingCandidate[] }>;

// The schedule is in force from the command's occurredAt: a replay then uses, for every moment,
// the hours that applied then.
export type SetLineSchedule = Command<'SetLineSchedule', { lineId: string } & LineScheduleInput>;
// Back to "always open": business time equals calendar time again.
export type ClearLineSchedule = Command<'ClearLineSchedule', { lineId: string }>;

export type LineCommand = CreateLine | DeleteLine | RouteDialog | SetLineSchedule | ClearLineSchedule;

export type LineRequest = Request<LineCommand>;
