import type { DialogCommand, MessageAuthorInput } from './dialog/dialog.commands';
import type { LineCommand } from './line/line.commands';
import type { OperatorCommand } from './operator/operator.commands';
import type { ReminderCommand } from './reminder/reminder.commands';
import type { SavedReplyCommand } from './saved-reply/saved-reply.commands';
import { assertNever } from './shared/assert-never';
import { assertAuthorized, authorize, type AccessAction, type AccessDecision, type DialogAccessFacts } from './shared/access.policy';

export type SwitchboardCommand = DialogCommand | OperatorCommand | LineCommand | SavedReplyCommand | ReminderCommand;

// Every other command's type is its action; the compiler rejects a new command type that the
// access table does not list.
export function accessActionOf(command: SwitchboardCommand): AccessAction {
  if (command.type === 'SendMessage') return messageActionOf(command.data.author);
  return command.type;
}

function messageActionOf(author: MessageAuthorInput): AccessAction {
  switch (author.kind) {
    case 'client':
      return 'SendClientMessage';
    case 'bot':
      return 'SendBotMessage';
    case 'operator':
      return 'SendOperatorMessage';
    default:
      return assertNever(author);
  }
}

export const authorizeCommand = (command: SwitchboardCommand, dialog: DialogAccessFacts | null): AccessDecision =>
  authorize(command.metadata.actor, accessActionOf(command), dialog);

export const assertCommandAuthorized = (command: SwitchboardCommand, dialog: DialogAccessFacts | null): void =>
  assertAuthorized(command.metadata.actor, accessActionOf(command), dialog);
