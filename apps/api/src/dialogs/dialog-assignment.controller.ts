import { Body, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeDialogCommand, type RequestContext } from '@switchboard/dialog-commands';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CommandResponseDto } from '../commands/command-response.dto';
import { sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { EmptyBodyDto } from '../validation/empty-body.dto';
import { transferCommandOf } from './dialog-commands-of';
import { AssignOperatorDto } from './dto/assign-operator.dto';
import { DialogIdParams } from './dto/dialog-params.dto';
import { PinDialogDto } from './dto/pin-dialog.dto';
import { TransferDialogDto } from './dto/transfer-dialog.dto';

/** Who works on a dialog: assignee, participants, transfers and pins. */
@CommandController('dialogs/:id', 'dialogs')
export class DialogAssignmentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put('assignee')
  @CommandEndpoint({ summary: 'Assign, reassign or unassign (operatorId null); your own id assigns to yourself' })
  async assign(
    @Param() { id }: DialogIdParams,
    @Body() body: AssignOperatorDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(
      response,
      await this.commandBus.execute(new ChangeDialogCommand({ type: 'AssignOperator', data: { dialogId: id, operatorId: body.operatorId } }, context)),
    );
  }

  @Post('take')
  @CommandEndpoint({ summary: 'Take the dialog into work (assigns it to the caller)' })
  async take(
    @Param() { id }: DialogIdParams,
    @Body() _body: EmptyBodyDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.commandBus.execute(new ChangeDialogCommand({ type: 'TakeIntoWork', data: { dialogId: id } }, context)));
  }

  @Post('join')
  @CommandEndpoint({ summary: 'Join the dialog as an extra participant' })
  async join(
    @Param() { id }: DialogIdParams,
    @Body() _body: EmptyBodyDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.commandBus.execute(new ChangeDialogCommand({ type: 'JoinDialog', data: { dialogId: id } }, context)));
  }

  @Post('leave')
  @CommandEndpoint({ summary: 'Leave the dialog' })
  async leave(
    @Param() { id }: DialogIdParams,
    @Body() _body: EmptyBodyDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.commandBus.execute(new ChangeDialogCommand({ type: 'LeaveDialog', data: { dialogId: id } }, context)));
  }

  @Post('transfer')
  @CommandEndpoint({ summary: "Transfer to a line's queue (toLineId) or to a colleague (operatorId)" })
  async transfer(
    @Param() { id }: DialogIdParams,
    @Body() body: TransferDialogDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.commandBus.execute(new ChangeDialogCommand(transferCommandOf(id, body), context)));
  }

  @Post('pin')
  @CommandEndpoint({ summary: 'Pin the dialog to an operator (default: the caller)' })
  async pin(
    @Param() { id }: DialogIdParams,
    @Body() body: PinDialogDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const operatorId = body.operatorId ?? context.actor.id;
    return sendCommandResult(
      response,
      await this.commandBus.execute(new ChangeDialogCommand({ type: 'PinDialog', data: { dialogId: id, operatorId } }, context)),
    );
  }

  @Post('unpin')
  @CommandEndpoint({ summary: 'Unpin the dialog' })
  async unpin(
    @Param() { id }: DialogIdParams,
    @Body() _body: EmptyBodyDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.commandBus.execute(new ChangeDialogCommand({ type: 'UnpinDialog', data: { dialogId: id } }, context)));
  }
}
