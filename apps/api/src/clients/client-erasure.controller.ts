import { Body, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EraseClientDataCommand, type ClientErasureResult, type RequestContext } from '@switchboard/dialog-commands';
import { dialogStreamName } from '@switchboard/dialogs';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { DialogsOfClientHandler } from '@switchboard/read-models/queries';
import { DeadLetters } from '@switchboard/webhooks';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { ClientErasureResponseDto, ClientIdParams, EraseClientDataDto } from './dto/erase-client-data.dto';

@CommandController('clients/:clientId', 'clients')
export class ClientErasureController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly dialogsOfClient: DialogsOfClientHandler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly deadLetters: DeadLetters,
  ) {}

  @Post('erase')
  @CommandEndpoint({
    summary:
      'Erase the client\'s personal data (admins): its key is destroyed, every reader shows its personal fields as "[erased]"; ' +
      'a repeat answers 200 with alreadyErased, an unknown client 404',
    type: ClientErasureResponseDto,
    ifMatch: false,
  })
  async erase(
    @Param() { clientId }: ClientIdParams,
    @Body() { reason }: EraseClientDataDto,
    @CommandContext({ ifMatch: false }) context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ClientErasureResponseDto> {
    const knownDialogIds = await this.dialogsOfClient.execute(clientId);
    const command = { clientId, reason, actor: context.actor, occurredAt: context.occurredAt ?? new Date() };
    const result: ClientErasureResult = await this.commandBus.execute(new EraseClientDataCommand(command, knownDialogIds, context));
    // Every call, repeats included: a repeat finishes what a failed call left.
    await this.deadLetters.renderAgain(this.store, clientId, result.dialogIds.map(dialogStreamName));
    return { ...sendCommandResult(response, result), alreadyErased: result.alreadyErased, dialogIds: [...result.dialogIds] };
  }
}
