import { Body, Delete, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeLineCommand, type CommandResult, type RequestContext } from '@switchboard/dialog-commands';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CommandResponseDto } from '../commands/command-response.dto';
import { sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { EntityIdParams } from '../validation/entity-id-params.dto';
import { CreateLineDto } from './dto/create-line.dto';
import { SetLineScheduleDto } from './dto/line-schedule.dto';

@CommandController('lines', 'lines')
export class LinesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandEndpoint({ summary: 'Create a line (an inbound queue)', created: true, ifMatch: false })
  async create(
    @Body() body: CreateLineDto,
    @CommandContext({ ifMatch: false }) context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const data = { lineId: body.lineId, name: body.name, routingMode: body.routingMode, operatorIds: body.operatorIds ?? [] };
    const result = await this.send({ type: 'CreateLine', data }, context);
    return sendCommandResult(response, result, `/lines/${encodeURIComponent(body.lineId)}`);
  }

  @Delete(':id')
  @CommandEndpoint({ summary: 'Delete a line; its dialogs leave the read models, the events stay' })
  async remove(
    @Param() { id }: EntityIdParams,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.send({ type: 'DeleteLine', data: { lineId: id } }, context));
  }

  @Put(':id/schedule')
  @CommandEndpoint({ summary: "Set the line's opening hours, in force from now; the same hours again record nothing" })
  async setSchedule(
    @Param() { id }: EntityIdParams,
    @Body() body: SetLineScheduleDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const data = { lineId: id, timeZone: body.timeZone, weekly: body.weekly, holidays: body.holidays ?? [] };
    return sendCommandResult(response, await this.send({ type: 'SetLineSchedule', data }, context));
  }

  @Delete(':id/schedule')
  @CommandEndpoint({ summary: 'Clear the opening hours: the line is always open again' })
  async clearSchedule(
    @Param() { id }: EntityIdParams,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.send({ type: 'ClearLineSchedule', data: { lineId: id } }, context));
  }

  private send(command: ChangeLineCommand['command'], context: RequestContext): Promise<CommandResult> {
    return this.commandBus.execute(new ChangeLineCommand(command, context));
  }
}
