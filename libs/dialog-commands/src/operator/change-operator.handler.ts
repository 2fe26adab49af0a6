import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertAuthorized, OperatorCommand, operatorDecider, operatorStreamName } from '@switchboard/dialogs';
import { ChangeOperatorCommand } from '../commands';
import type { OperatorIntent } from '../intents';
import type { CommandResult } from '../request-context';
import { commandMetadataOf } from '../dialog/command-metadata';
import { IdempotencyLedger, requestOf } from '../idempotency/idempotency-ledger';
import { StreamCommandRunner, withoutState } from '../stream/stream-command-runner';

/** Register, suspend, reactivate and remove operators (admins). */
@CommandHandler(ChangeOperatorCommand)
export class ChangeOperatorHandler implements ICommandHandler<ChangeOperatorCommand, CommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly ledger: IdempotencyLedger,
  ) {}

  execute({ operatorId, intent, context }: ChangeOperatorCommand): Promise<CommandResult> {
    return this.ledger.once(context, requestOf(`${intent.type} operator ${operatorId}`, intent), async () => {
      assertAuthorized(context.actor, intent.type, null);
      const result = await this.runner.run({
        streamId: operatorStreamName(operatorId),
        decider: operatorDecider,
        context,
        command: (): OperatorCommand => ({ ...operatorCommandOf(operatorId, intent), metadata: commandMetadataOf(context) }) as OperatorCommand,
      });
      return withoutState(result);
    });
  }
}

function operatorCommandOf(operatorId: string, intent: OperatorIntent): Omit<OperatorCommand, 'metadata'> {
  const { type, ...data } = intent;
  return { type, data: { operatorId, ...data } };
}
