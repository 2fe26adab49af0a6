import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dialogDecider, dialogStreamName, followUpDialogFor, isDomainError } from '@switchboard/dialogs';
import { ChangeDialogCommand, DialogCommandResult } from '../commands';
import { StreamFacts } from '../facts/stream-facts';
import { IdempotencyLedger, requestOf } from '../idempotency/idempotency-ledger';
import type { RequestContext } from '../request-context';
import { deterministicId } from '../stream/deterministic-id';
import { StreamCommandRunner, withoutState } from '../stream/stream-command-runner';
import { commandMetadataOf } from './command-metadata';
import { authorizeDialogCommand } from './dialog-access';
import { lastOccurredAtOf } from './last-occurred-at';
import { OpenDialogHandler } from './open-dialog.handler';

type ChangeRequest = ChangeDialogCommand['command'];

/** Every command on an existing dialog: load what is new, authorise, decide, append. */
@CommandHandler(ChangeDialogCommand)
export class ChangeDialogHandler implements ICommandHandler<ChangeDialogCommand, DialogCommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly facts: StreamFacts,
    private readonly opener: OpenDialogHandler,
    private readonly ledger: IdempotencyLedger,
  ) {}

  execute({ command, context }: ChangeDialogCommand): Promise<DialogCommandResult> {
    return this.ledger.once(context, requestOf(`${command.type} dialog ${command.data.dialogId}`, command), () => this.change(command, context));
  }

  private async change(request: ChangeRequest, context: RequestContext): Promise<DialogCommandResult> {
    const { dialogId } = request.data;
    try {
      const result = await this.runner.run({
        streamId: dialogStreamName(dialogId),
        decider: dialogDecider,
        context,
        command: (state) => ({ ...request, metadata: commandMetadataOf(context, lastOccurredAtOf(state)) }),
        facts: (command) => this.facts.forDialog(command, context.actor),
        authorize: authorizeDialogCommand,
      });
      return { ...withoutState(result), dialogId };
    } catch (error) {
      const clientWroteToClosed =
        isDomainError(error) &&
        (error.code === 'dialog_closed' || error.code === 'dialog_deleted') &&
        request.type === 'SendMessage' &&
        request.data.author.kind === 'client';
      if (!clientWroteToClosed) throw error;
      return this.continueInFollowUp(request, context);
    }
  }

  /**
   * A client's message to a closed dialog opens a new dialog in the same line and channel that
   * continues the conversation; the closed one keeps its final metrics and rating. A message to a
   * deleted dialog opens one the same way, which does not point back (see followUpDialogFor). The
   * answer names every event the request recorded: the open (and its routing), then the message.
   */
  private async continueInFollowUp(request: ChangeRequest, context: RequestContext): Promise<DialogCommandResult> {
    const closedId = request.data.dialogId;
    const closed = await this.runner.load(dialogStreamName(closedId), dialogDecider);
    if (!closed.exists) throw new Error(`dialog ${closedId} refused a message as closed but has no events`);
    const followUpId = context.idempotencyKey ? deterministicId(`follow-up:${closedId}:${context.idempotencyKey}`) : randomUUID();
    const fresh = { ...context, expectedRevision: undefined };
    const opened = await this.opener.open(followUpDialogFor(closed, followUpId), fresh);
    const posted = await this.change({ ...request, data: { ...request.data, dialogId: followUpId } } as ChangeRequest, fresh);
    return { ...posted, eventTypes: [...opened.eventTypes, ...posted.eventTypes], followUpOf: closedId };
  }
}
