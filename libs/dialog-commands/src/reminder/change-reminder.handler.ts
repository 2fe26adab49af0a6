import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  assertAuthorized,
  dialogAccessFactsOf,
  dialogDecider,
  dialogStreamName,
  noReminderFacts,
  reminderDecider,
  reminderStreamName,
  type DialogState,
  type ReminderFacts,
} from '@switchboard/dialogs';
import { ChangeReminderCommand } from '../commands';
import { commandMetadataOf } from '../dialog/command-metadata';
import { IdempotencyLedger, requestOf } from '../idempotency/idempotency-ledger';
import type { CommandResult } from '../request-context';
import { StreamCommandRunner, withoutState } from '../stream/stream-command-runner';

/**
 * Set, complete and cancel reminders on their own streams. Setting one is work on the dialog, so
 * it is judged against the dialog as it stands (an operator's own dialogs only); completing and
 * cancelling are the owner's, which the decider judges.
 */
@CommandHandler(ChangeReminderCommand)
export class ChangeReminderHandler implements ICommandHandler<ChangeReminderCommand, CommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly ledger: IdempotencyLedger,
  ) {}

  execute({ command: request, context }: ChangeReminderCommand): Promise<CommandResult> {
    const streamId = reminderStreamName(request.data.reminderId);
    let dialog: DialogState = { exists: false };
    return this.ledger.once(context, requestOf(`${request.type} ${streamId}`, request), async () => {
      const result = await this.runner.run({
        streamId,
        decider: reminderDecider,
        context,
        command: () => ({ ...request, metadata: commandMetadataOf(context) }),
        facts: async (command): Promise<ReminderFacts> => {
          if (command.type !== 'SetReminder') return noReminderFacts;
          dialog = await this.runner.load(dialogStreamName(command.data.dialogId), dialogDecider);
          return { dialog: reminderFactOf(dialog) };
        },
        authorize: (command) => assertAuthorized(command.metadata.actor, command.type, dialog.exists ? dialogAccessFactsOf(dialog) : null),
      });
      return withoutState(result);
    });
  }
}

const reminderFactOf = (dialog: DialogState): ReminderFacts['dialog'] => {
  if (!dialog.exists) return 'missing';
  if (dialog.deleted) return 'deleted';
  return dialog.status === 'open' ? 'open' : 'closed';
};
