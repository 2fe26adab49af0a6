import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertAuthorized, operatorDecider, operatorStreamName } from '@switchboard/dialogs';
import { ChangeOperatorCommand } from '../commands';
import { commandMetadataOf } from '../dialog/command-metadata';
import { IdempotencyLedger, requestOf } from '../idempotency/idempotency-ledger';
import type { CommandResult } from '../request-context';
import { StreamCommandRunner, withoutState } from '../stream/stream-command-runner';

/** Register, suspend, reactivate and remove operators (admins). */
@CommandHandler(ChangeOperatorCommand)
export class ChangeOperatorHandler implements ICommandHandler<ChangeOperatorCommand, CommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly ledger: IdempotencyLedger,
  ) {}

  execute({ command: request, context }: ChangeOperatorCommand): Promise<CommandResult> {
    const { operatorId } = request.data;
    return this.ledger.once(context, requestOf(`${request.type} operator ${operatorId}`, request), async () => {
      const result = await this.runner.run({
        streamId: operatorStreamName(operatorId),
        decider: operatorDecider,
        context,
        command: () => ({ ...request, metadata: commandMetadataOf(context) }),
        facts: () => undefined,
        authorize: (command) => assertAuthorized(command.metadata.actor, command.type, null),
      });
      return withoutState(result);
    });
  }
}
