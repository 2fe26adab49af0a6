import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BulkChangeDialogsCommand, BulkItemResult, BulkResult, ChangeDialogCommand, DialogCommandResult } from '../commands';
import { describeFailure } from '../command-failure';

/**
 * Bulk close, force-close and transfer: each dialog is its own command on its own stream, so
 * one refusal (already closed, not yours) leaves the others done, and the answer says which.
 */
@CommandHandler(BulkChangeDialogsCommand)
export class BulkChangeDialogsHandler implements ICommandHandler<BulkChangeDialogsCommand, BulkResult> {
  constructor(private readonly commandBus: CommandBus) {}

  async execute({ commands, context }: BulkChangeDialogsCommand): Promise<BulkResult> {
    const results: BulkItemResult[] = [];
    for (const command of commands) {
      const { dialogId } = command.data;
      // Each dialog gets a key of its own, so a retried bulk request records nothing twice.
      const itemContext = context.idempotencyKey ? { ...context, idempotencyKey: `${context.idempotencyKey}:${dialogId}` } : context;
      try {
        const result = await this.commandBus.execute<ChangeDialogCommand, DialogCommandResult>(
          new ChangeDialogCommand(command, { ...itemContext, expectedRevision: undefined }),
        );
        results.push({ dialogId, ok: true, result });
      } catch (error) {
        results.push({ dialogId, ok: false, error: describeFailure(error) });
      }
    }
    return { results };
  }
}
