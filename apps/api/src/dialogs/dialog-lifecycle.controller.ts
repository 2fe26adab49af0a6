import { Body, Delete, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeDialogCommand, type RequestContext } from '@switchboard/dialog-commands';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CommandResponseDto } from '../commands/command-response.dto';
import { sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { EmptyBodyDto } from '../validation/empty-body.dto';
import { closeCommandOf } from './dialog-commands-of';
import { CloseDialogDto } from './dto/close-dialog.dto';
import { DeleteDialogDto } from './dto/delete-dialog.dto';
import { DialogIdParams } from './dto/dialog-params.dto';

@CommandController('dialogs/:id', 'dialogs')
export class DialogLifecycleController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('close')
  @CommandEndpoint({ summary: "Close (optionally awaiting the client's rating), or force-close as spam with asSpam" })
  async close(
    @Param() { id }: DialogIdParams,
    @Body() body: CloseDialogDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.commandBus.execute(new ChangeDialogCommand(closeCommandOf(id, body), context)));
  }

  @Post('reopen')
  @CommandEndpoint({ summary: 'Reopen a closed dialog' })
  async reopen(
    @Param() { id }: DialogIdParams,
    @Body() _body: EmptyBodyDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.commandBus.execute(new ChangeDialogCommand({ type: 'ReopenDialog', data: { dialogId: id } }, context)));
  }

  @Delete()
  @CommandEndpoint({
    summary: 'Delete the dialog (admins): every read model drops it, its events stay for the audit; a later client message opens a new dialog',
  })
  async delete(
    @Param() { id }: DialogIdParams,
    @Body() body: DeleteDialogDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(
      response,
      await this.commandBus.execute(new ChangeDialogCommand({ type: 'DeleteDialog', data: { dialogId: id, reason: body.reason } }, context)),
    );
  }
}
