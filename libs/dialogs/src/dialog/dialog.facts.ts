import type { OperatorAvailability } from '../operator/operator-availability';
import type { Actor } from '../shared/actor';
import type { DialogRequest } from './dialog.commands';

/**
 * What a dialog decision needs from other aggregates' streams: the status of the operators who
 * act or are named, and whether the lines named exist (and are not deleted). The handler looks
 * them up before it decides, so decide never reaches outside its own stream.
 */
export type DialogFacts = Readonly<{
  operators: ReadonlyMap<string, OperatorAvailability>;
  lines: ReadonlyMap<string, boolean>;
}>;

/** For decisions that read nothing from other streams. */
export const noDialogFacts: DialogFacts = { operators: new Map(), lines: new Map() };

export const operatorStatusIn = (facts: DialogFacts, operatorId: string): OperatorAvailability => facts.operators.get(operatorId) ?? 'unknown';

export const lineExistsIn = (facts: DialogFacts, lineId: string): boolean => facts.lines.get(lineId) ?? false;

/** The facts the decision on `command` reads; an acting operator's own status is always among them. */
export function factsNeededFor(command: DialogRequest, actor: Actor): { operatorIds: string[]; lineIds: string[] } {
  const operatorIds = actor.kind === 'operator' ? [actor.id] : [];
  switch (command.type) {
    case 'SendMessage':
      if (command.data.author.kind === 'operator') operatorIds.push(actor.id);
      break;
    case 'TakeIntoWork':
      operatorIds.push(actor.id);
      break;
    case 'AssignOperator':
      if (command.data.operatorId !== null) operatorIds.push(command.data.operatorId);
      break;
    case 'AssignRoutedOperator':
    case 'TransferToOperator':
      operatorIds.push(command.data.operatorId);
      break;
    case 'TransferToLine':
      return { operatorIds, lineIds: [command.data.toLineId] };
    default:
      break;
  }
  return { operatorIds: [...new Set(operatorIds)], lineIds: [] };
}
