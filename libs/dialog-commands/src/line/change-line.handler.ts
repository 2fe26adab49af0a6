import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertAuthorized, LineCommand, lineDecider, lineStreamName } from '@switchboard/dialogs';
import { ChangeLineCommand } from '../commands';
import type { CommandResult } from '../request-context';
import { commandMetadataOf } from '../dialog/command-metadata';
import { IdempotencyLedger, requestOf } from '../idempotency/idempotency-ledger';
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

  execute({ lineId, intent, context }: ChangeLineCommand): Promise<CommandResult> {
    return this.ledger.once(context, requestOf(`${intent.type} line ${lineId}`, intent), async () => {
      assertAuthorized(context.actor, intent.type, null);
      const { type, ...data } = intent;
      const result = await this.runner.run({
        streamId: lineStreamName(lineId),
        decider: lineDecider,
        context,
        command: () => ({ type, data: { lineId, ...data }, metadata: commandMetadataOf(context) }) as LineCommand,
      });
      return withoutState(result);
    });
  }
}
