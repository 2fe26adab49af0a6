import { chooseOperator } from '../routing/routing.policy';
import { assertNever } from '../shared/assert-never';
import { occurredAtOf } from '../shared/occurred-at';
import { requireNonBlank } from '../shared/validation';
import type { CreateLine, LineCommand, RouteDialog } from './line.commands';
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

function requireLiveLine(state: LineState, lineId: string): ExistingLineState {
  if (!state.exists) throw lineErrors.notFound(lineId);
  if (state.deleted) throw lineErrors.deleted(lineId);
  return state;
}
