import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dialogDecider, dialogStreamName, DomainError, OpenDialogData, type DialogCommand } from '@switchboard/dialogs';
import { DialogCommandResult, OpenDialogCommand } from '../commands';
import { StreamFacts } from '../facts/stream-facts';
import { IdempotencyLedger, requestOf } from '../idempotency/idempotency-ledger';
import type { RequestContext } from '../request-context';
import { RouteOnOpen } from '../routing/route-on-open';
import { deterministicId } from '../stream/deterministic-id';
import { StreamCommandRunner, withoutState } from '../stream/stream-command-runner';
import { commandMetadataOf } from './command-metadata';
import { authorizeDialogCommand } from './dialog-access';

@CommandHandler(OpenDialogCommand)
export class OpenDialogHandler implements ICommandHandler<OpenDialogCommand, DialogCommandResult> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly facts: StreamFacts,
    private readonly router: RouteOnOpen,
    private readonly ledger: IdempotencyLedger,
  ) {}

  execute({ data, context }: OpenDialogCommand): Promise<DialogCommandResult> {
    const { dialogId: requested, ...rest } = data;
    // A retried open with the same key names the same dialog, so it is found, not duplicated.
    const dialogId =
      requested ?? (context.idempotencyKey ? deterministicId(`open:${context.actor.kind}:${context.actor.id}:${context.idempotencyKey}`) : randomUUID());
    return this.ledger.once(context, requestOf(`OpenDialog dialog ${dialogId}`, rest), () => this.open({ ...rest, dialogId }, context));
  }

  /**
   * Opens a dialog in an existing line and, when the line routes automatically, assigns it. An
   * open found already recorded (its request died before answering) is routed if it still waits.
   */
  async open(data: OpenDialogData, context: RequestContext): Promise<DialogCommandResult> {
    const line = await this.facts.line(data.lineId);
    const opened = await this.runner.run({
      streamId: dialogStreamName(data.dialogId),
      decider: dialogDecider,
      context,
      command: (): DialogCommand => ({ type: 'OpenDialog', data, metadata: commandMetadataOf(context) }),
      facts: (command) => this.facts.forDialog(command, context.actor),
      authorize: async (command, state, facts, since) => {
        await authorizeDialogCommand(command, state, facts, since);
        if (!line.exists || line.deleted) {
          throw new DomainError('line_not_found', 'unprocessable', `line ${data.lineId} does not exist`, { field: 'lineId' });
        }
      },
    });
    const result: DialogCommandResult = { ...withoutState(opened), dialogId: data.dialogId };
    const waits = opened.state.exists && opened.state.status === 'open' && opened.state.assigneeId === null;
    if (!waits || !line.exists || line.routingMode === 'manual') return result;
    const routed = await this.router.route(line, data.dialogId, context);
    return routed ? { ...routed, dialogId: data.dialogId, duplicate: result.duplicate, eventTypes: [...result.eventTypes, ...routed.eventTypes] } : result;
  }
}
