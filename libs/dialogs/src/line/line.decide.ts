import { chooseOperator } from '../routing/routing.policy';
import { assertNever } from '../shared/assert-never';
import { occurredAtOf } from '../shared/occurred-at';
import { requireNonBlank } from '../shared/validation';
import type { CreateLine, LineCommand, RouteDialog, SetLineSchedule } from './line.commands';
import { lineScheduleOf, sameLineSchedule } from './line-schedule.policy';
import { lineErrors } from './line.errors';
import type { LineEvent } from './line.events';
import type { ExistingLineState, LineState } from './line.state';

export function decideLine(command: LineCommand, state: LineState): LineEvent[] {
  const occurredAt = occurredAtOf(command);
  switch (command.type) {
    case 'CreateLine':
      return createLine(command, state, occurredAt);
    case 'DeleteLine':
      requireLiveLine(state, command.data.lineId);
      return [{ type: 'LineDeleted', data: { lineId: command.data.lineId, occurredAt } }];
    case 'RouteDialog':
      return routeDialog(command, requireLiveLine(state, command.data.lineId), occurredAt);
    case 'SetLineSchedule':
      return setSchedule(command, requireLiveLine(state, command.data.lineId), occurredAt);
    case 'ClearLineSchedule':
      // Already always open: nothing to record, so a repeated DELETE is harmless.
      if (requireLiveLine(state, command.data.lineId).schedule === null) return [];
      return [{ type: 'LineScheduleCleared', data: { lineId: command.data.lineId, occurredAt } }];
    default:
      return assertNever(command);
  }
}

function createLine(command: CreateLine, state: LineState, occurredAt: string): LineEvent[] {
  const { lineId, name, routingMode, operatorIds } = command.data;
  if (state.exists) throw lineErrors.alreadyExists(lineId);
  requireNonBlank({ lineId, name });
  const uniqueOperatorIds = [...new Set(operatorIds)];
  return [{ type: 'LineCreated', data: { lineId, name, routingMode, operatorIds: uniqueOperatorIds, occurredAt } }];
}

// No active candidate gives no event: the dialog waits unassigned until someone answers it.
function routeDialog(command: RouteDialog, line: ExistingLineState, occurredAt: string): LineEvent[] {
  const { dialogId, candidates } = command.data;
  const routingMode = line.routingMode;
  if (routingMode === 'manual') throw lineErrors.manualRouting(line.lineId);
  // A redelivered request right after its own routing must not move the cursor a second time.
  if (line.lastRoutedDialogId === dialogId) return [];
  const operatorId = chooseOperator(routingMode, candidates, line.lastRoutedOperatorId);
  if (operatorId === null) return [];
  return [{ type: 'DialogRouted', data: { lineId: line.lineId, dialogId, operatorId, routingMode, occurredAt } }];
}

// The same hours again record nothing: a schedule change is a fact analysts replay, not a save.
function setSchedule(command: SetLineSchedule, line: ExistingLineState, occurredAt: string): LineEvent[] {
  const { lineId, ...input } = command.data;
  const schedule = lineScheduleOf(input);
  if (line.schedule !== null && sameLineSchedule(line.schedule, schedule)) return [];
  return [{ type: 'LineScheduleSet', data: { lineId, ...schedule, occurredAt } }];
}

function requireLiveLine(state: LineState, lineId: string): ExistingLineState {
  if (!state.exists) throw lineErrors.notFound(lineId);
  if (state.deleted) throw lineErrors.deleted(lineId);
  return state;
}
