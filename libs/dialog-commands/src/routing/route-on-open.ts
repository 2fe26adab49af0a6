import { Injectable, Logger } from '@nestjs/common';
import { dialogDecider, dialogStreamName, ExistingLineState, lineDecider, lineStreamName, type DialogCommand, type LineCommand } from '@switchboard/dialogs';
import type { CommandResult, RequestContext } from '../request-context';
import { StreamFacts } from '../facts/stream-facts';
import { StreamCommandRunner, withoutState } from '../stream/stream-command-runner';
import { commandMetadataOf } from '../dialog/command-metadata';
import { lastOccurredAtOf } from '../dialog/last-occurred-at';
import { OperatorLoad } from './operator-load';

/**
 * Automatic routing when a dialog opens in a round-robin or least-loaded line: the line's
 * stream records the choice (its revision is the round-robin cursor, safe under concurrency),
 * then the dialog records the assignment. Both are the system's acts, on the request's behalf.
 */
@Injectable()
export class RouteOnOpen {
  private readonly logger = new Logger(RouteOnOpen.name);

  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly facts: StreamFacts,
    private readonly load: OperatorLoad,
  ) {}

  async route(line: ExistingLineState, dialogId: string, request: RequestContext): Promise<CommandResult | undefined> {
    const context: RequestContext = {
      actor: { kind: 'system', id: 'routing' },
      correlationId: request.correlationId,
      causationId: request.correlationId,
    };
    const loads = await this.load.openDialogs(line.operatorIds);
    const candidates = await Promise.all(
      line.operatorIds.map(async (operatorId) => ({
        operatorId,
        status: await this.facts.operatorAvailability(operatorId),
        openDialogCount: loads.get(operatorId) ?? 0,
      })),
    );
    const routed = await this.runner.run({
      streamId: lineStreamName(line.lineId),
      decider: lineDecider,
      context,
      command: (): LineCommand => ({ type: 'RouteDialog', data: { lineId: line.lineId, dialogId, candidates }, metadata: commandMetadataOf(context) }),
      facts: () => undefined,
    });
    const state = routed.state;
    if (!state.exists || state.lastRoutedDialogId !== dialogId || !state.lastRoutedOperatorId) {
      this.logger.log(`no active operator in line ${line.lineId}: dialog ${dialogId} waits unassigned`);
      return undefined;
    }
    const operatorId = state.lastRoutedOperatorId;
    const assigned = await this.runner.run({
      streamId: dialogStreamName(dialogId),
      decider: dialogDecider,
      context,
      command: (dialog): DialogCommand => ({
        type: 'AssignRoutedOperator',
        data: { dialogId, operatorId },
        metadata: commandMetadataOf(context, lastOccurredAtOf(dialog)),
      }),
      facts: (command) => this.facts.forDialog(command, context.actor),
    });
    return withoutState(assigned);
  }
}
