import type { CommandMetadata, DialogCommand } from '@switchboard/dialogs';
import { assertNever } from '@switchboard/dialogs';
import type { StreamFacts } from '../facts/stream-facts';
import type { DialogIntent } from '../intents';

/**
 * Turns a request's intent into the domain command, looking up the facts that other streams
 * own: the status of the operator who acts or is named, whether the target line exists.
 */
export async function dialogCommandOf(
  dialogId: string,
  intent: DialogIntent,
  metadata: CommandMetadata,
  facts: StreamFacts,
): Promise<DialogCommand> {
  const actorId = metadata.actor.id;
  switch (intent.type) {
    case 'SendMessage': {
      const { author, seenRevision: _seen, ...rest } = intent;
      const authorInput =
        author.kind === 'operator' ? { kind: 'operator' as const, operatorStatus: await facts.operatorAvailability(actorId) } : author;
      return { type: 'SendMessage', data: { dialogId, ...rest, author: authorInput }, metadata };
    }
    case 'AssignOperator':
      return intent.operatorId === null
        ? { type: 'AssignOperator', data: { dialogId, operatorId: null }, metadata }
        : { type: 'AssignOperator', data: { dialogId, operatorId: intent.operatorId, operatorStatus: await facts.operatorAvailability(intent.operatorId) }, metadata };
    case 'TransferToOperator':
      return { type: 'TransferToOperator', data: { dialogId, operatorId: intent.operatorId, operatorStatus: await facts.operatorAvailability(intent.operatorId) }, metadata };
    case 'TakeIntoWork':
      return { type: 'TakeIntoWork', data: { dialogId, operatorStatus: await facts.operatorAvailability(actorId) }, metadata };
    case 'TransferToLine': {
      const line = await facts.line(intent.toLineId);
      return { type: 'TransferToLine', data: { dialogId, toLineId: intent.toLineId, targetLineExists: line.exists && !line.deleted }, metadata };
    }
    case 'AddNote':
    case 'JoinDialog':
    case 'LeaveDialog':
    case 'AddTag':
    case 'RemoveTag':
    case 'PinDialog':
    case 'UnpinDialog':
    case 'SetCrmLink':
    case 'CloseDialog':
    case 'ForceCloseAsSpam':
    case 'ReopenDialog':
    case 'RateDialog':
    case 'ReviewDialog': {
      const { type, ...data } = intent;
      return { type, data: { dialogId, ...data }, metadata } as DialogCommand;
    }
    default:
      return assertNever(intent);
  }
}
