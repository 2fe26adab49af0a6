import { Body, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { BulkChangeDialogsCommand, OpenDialogCommand, type RequestContext } from '@switchboard/dialog-commands';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { BulkResponseDto, CommandResponseDto } from '../commands/command-response.dto';
import { bulkResponseBody, dialogLocation, sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { bulkCommandsOf, openDialogDataOf } from './dialog-commands-of';
import { BulkDialogsDto } from './dto/bulk-dialogs.dto';
import { OpenDialogDto } from './dto/open-dialog.dto';

@CommandController('dialogs', 'dialogs')
export class DialogsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandEndpoint({ summary: 'Open a dialog', created: true, ifMatch: false })
  async open(
    @Body() body: OpenDialogDto,
    @CommandContext({ occurredAt: true, ifMatch: false }) context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const result = await this.commandBus.execute(new OpenDialogCommand(openDialogDataOf(body), context));
    return sendCommandResult(response, result, dialogLocation(result.dialogId));
  }

  @Post('bulk')
  @CommandEndpoint({
    summary: 'Close, force-close or transfer up to 100 dialogs; each succeeds or fails on its own',
    ifMatch: false,
    type: BulkResponseDto,
  })
  async bulk(@Body() body: BulkDialogsDto, @CommandContext({ ifMatch: false }) context: RequestContext): Promise<BulkResponseDto> {
    return bulkResponseBody(await this.commandBus.execute(new BulkChangeDialogsCommand(bulkCommandsOf(body), context)));
  }
}
