import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dialogDecider, dialogStreamName, followUpDialogFor, isDomainError } from '@switchboard/dialogs';
import { lastOccurredAtOf } from './last-occurred-at';
import { ChangeDialogCommand, DialogCommandResult } from '../commands';
import { StreamFacts } from '../facts/stream-facts';
import { IdempotencyLedger, requestOf } from '../idempotency/idempotency-ledger';
import type { DialogIntent } from '../intents';
import type { RequestContext } from '../request-context';
import { deterministicId } from '../stream/deterministic-id';
import { StreamCommandRunner, withoutState } from '../stream/stream-command-runner';
import { commandMetadataOf } from './command-metadata';
import { authorizeDialogIntent } from './dialog-access';
import { dialogCommandOf } from './dialog-command.factory';
import { OpenDialogHandler } from './open-dialog.handler';

@CommandHandler(ChangeDialogCommand)
export class ChangeDialogHandler implements ICommandHandler<ChangeDialogCommand, DialogCommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly facts: StreamFacts,
    private readonly opener: OpenDialogHandler,
    private readonly ledger: IdempotencyLedger,
  ) {}

  execute({ dialogId, intent, context }: ChangeDialogCommand): Promise<DialogCommandResult> {
    return this.ledger.once(context, requestOf(`${intent.type} dialog ${dialogId}`, intent), () => this.change(dialogId, intent, context));
  }

  private async change(dialogId: string, intent: DialogIntent, context: RequestContext): Promise<DialogCommandResult> {
    await this.facts.assertActorInService(context.actor);
    try {
      const result = await this.runner.run({
        streamId: dialogStreamName(dialogId),
        decider: dialogDecider,
        context,
        command: (state) => dialogCommandOf(dialogId, intent, commandMetadataOf(context, lastOccurredAtOf(state)), this.facts),
        authorize: (state, since) => authorizeDialogIntent(context.actor, intent, state, since),
      });
      return { ...withoutState(result), dialogId };
    } catch (error) {
      const clientWroteToClosed =
        isDomainError(error) && error.code === 'dialog_closed' && intent.type === 'SendMessage' && intent.author.kind === 'client';
      if (!clientWroteToClosed) throw error;
      return this.continueInFollowUp(dialogId, intent, context);
    }
  }

  /**
   * A client's message to a closed dialog opens a new dialog in the same line and channel that
   * continues the conversation; the closed one keeps its final metrics and rating. The answer
   * names every event the request recorded: the open (and its routing), then the message.
   */
  private async continueInFollowUp(closedId: string, intent: DialogIntent, context: RequestContext): Promise<DialogCommandResult> {
    const closed = await this.runner.load(dialogStreamName(closedId), dialogDecider);
    if (!closed.exists) throw new Error(`dialog ${closedId} refused a message as closed but has no events`);
    const followUpId = context.idempotencyKey ? deterministicId(`follow-up:${closedId}:${context.idempotencyKey}`) : randomUUID();
    const fresh = { ...context, expectedRevision: undefined };
    const opened = await this.opener.open(followUpDialogFor(closed, followUpId), fresh);
    const posted = await this.change(followUpId, intent, fresh);
    return { ...posted, eventTypes: [...opened.eventTypes, ...posted.eventTypes], followUpOf: closedId };
  }
}
