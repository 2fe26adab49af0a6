import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertAuthorized, savedReplyDecider, savedReplyStreamName } from '@switchboard/dialogs';
import { ChangeSavedReplyCommand } from '../commands';
import { commandMetadataOf } from '../dialog/command-metadata';
import { IdempotencyLedger, requestOf } from '../idempotency/idempotency-ledger';
import type { CommandResult } from '../request-context';
import { StreamCommandRunner, withoutState } from '../stream/stream-command-runner';

/**
 * Create, edit and delete saved replies, each on its own short stream. The edge lets staff in;
 * whose reply it is (personal: the owner's; team: supervisors' and admins') the decider judges.
 */
@CommandHandler(ChangeSavedReplyCommand)
export class ChangeSavedReplyHandler implements ICommandHandler<ChangeSavedReplyCommand, CommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly ledger: IdempotencyLedger,
  ) {}

  execute({ command: request, context }: ChangeSavedReplyCommand): Promise<CommandResult> {
    const streamId = savedReplyStreamName(request.data.savedReplyId);
    return this.ledger.once(context, requestOf(`${request.type} ${streamId}`, request), async () =>
      withoutState(
        await this.runner.run({
          streamId,
          decider: savedReplyDecider,
          context,
          command: () => ({ ...request, metadata: commandMetadataOf(context) }),
          facts: () => undefined,
          authorize: (command) => assertAuthorized(command.metadata.actor, command.type, null),
        }),
      ),
    );
  }
}
