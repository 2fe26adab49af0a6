import type { RoutingCandidate } from '../routing/routing.policy';
import type { Command } from '../shared/command';
import type { RoutingMode } from './line.values';

export type CreateLine = Command<
  'CreateLine',
  { lineId: string; name: string; routingMode: RoutingMode; operatorIds: readonly string[] }
>;
export type DeleteLine = Command<'DeleteLine', { lineId: string }>;
// The handler fills candidates from the workload read model: the line's operators with their
// status and current number of open dialogs.
export type RouteDialog = Command<
  'RouteDialog',
  { lineId: string; dialogId: string; candidates: readonly RoutingCandidate[] }
>;

export type LineCommand = CreateLine | DeleteLine | RouteDialog;
