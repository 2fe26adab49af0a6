import type { OperatorAvailability } from '../operator/operator-availability';
import type { SavedReplyUsability } from '../saved-reply/saved-reply-use.policy';
import type { Actor } from '../shared/actor';
import type { DialogRequest } from './dialog.commands';

/**
 * What a dialog decision needs from other aggregates' streams: the status of the operators who
 * act or are named, whether the lines named exist (and are not deleted), and the saved reply a
 * message names. The handler looks them up before it decides, so decide never reaches outside
 * its own stream.
 */
export type DialogFacts = Readonly<{
  operators: ReadonlyMap<string, OperatorAvailability>;
  lines: ReadonlyMap<string, boolean>;
  savedReplies?: ReadonlyMap<string, SavedReplyUsability>;
}>;

/** For decisions that read nothing from other streams. */
export const noDialogFacts: DialogFacts = { operators: new Map(), lines: new Map() };

/** A saved reply the handler did not look up is as good as missing. */
export const savedReplyIn = (facts: DialogFacts, savedReplyId: string): SavedReplyUsability =>
  facts.savedReplies?.get(savedReplyId) ?? { reply: { exists: false }, lineDeleted: false };

export const operatorStatusIn = (facts: DialogFacts, operatorId: string): OperatorAvailability => facts.operators.get(operatorId) ?? 'unknown';

export const lineExistsIn = (facts: DialogFacts, lineId: string): boolean => facts.lines.get(lineId) ?? false;

/** The facts the decision on `command` reads; an acting operator's own status is always among them. */
export function factsNeededFor(command: DialogRequest, actor: Actor): { operatorIds: string[]; lineIds: string[]; savedReplyIds: string[] } {
  const operatorIds = actor.kind === 'operator' ? [actor.id] : [];
  switch (command.type) {
    case 'SendMessage': {
      if (command.data.author.kind === 'operator') operatorIds.push(actor.id);
      const { savedReplyId } = command.data;
      return { operatorIds: [...new Set(operatorIds)], lineIds: [], savedReplyIds: savedReplyId === undefined ? [] : [savedReplyId] };
    }
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
      return { operatorIds, lineIds: [command.data.toLineId], savedReplyIds: [] };
    default:
      break;
  }
  return { operatorIds: [...new Set(operatorIds)], lineIds: [], savedReplyIds: [] };
}
