import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertAuthorized, lineDecider, lineStreamName } from '@switchboard/dialogs';
import { ChangeLineCommand } from '../commands';
import { commandMetadataOf } from '../dialog/command-metadata';
import { IdempotencyLedger, requestOf } from '../idempotency/idempotency-ledger';
import type { CommandResult } from '../request-context';
import { StreamCommandRunner, withoutState } from '../stream/stream-command-runner';

/**
 * Create and delete lines, set and clear their opening hours (admins). Deleting keeps the events;
 * read models drop the dialogs.
 */
@CommandHandler(ChangeLineCommand)
export class ChangeLineHandler implements ICommandHandler<ChangeLineCommand, CommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly ledger: IdempotencyLedger,
  ) {}

  execute({ command: request, context }: ChangeLineCommand): Promise<CommandResult> {
    const { lineId } = request.data;
    return this.ledger.once(context, requestOf(`${request.type} line ${lineId}`, request), async () => {
      const result = await this.runner.run({
        streamId: lineStreamName(lineId),
        decider: lineDecider,
        context,
        command: () => ({ ...request, metadata: commandMetadataOf(context) }),
        facts: () => undefined,
        authorize: (command) => assertAuthorized(command.metadata.actor, command.type, null),
      });
      return withoutState(result);
    });
  }
}
