import { Body, Delete, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeOperatorCommand, type CommandResult, type RequestContext } from '@switchboard/dialog-commands';
import type { OperatorRequest } from '@switchboard/dialogs';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CommandResponseDto } from '../commands/command-response.dto';
import { sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { EmptyBodyDto } from '../validation/empty-body.dto';
import { EntityIdParams } from '../validation/entity-id-params.dto';
import { RegisterOperatorDto } from './dto/register-operator.dto';

@CommandController('operators', 'operators')
export class OperatorsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandEndpoint({ summary: 'Register an operator', created: true, ifMatch: false })
  async register(
    @Body() body: RegisterOperatorDto,
    @CommandContext({ ifMatch: false }) context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const command: OperatorRequest = {
      type: 'RegisterOperator',
      data: { operatorId: body.operatorId, name: body.name, email: body.email, lineIds: body.lineIds ?? [] },
    };
    const result = await this.send(command, context);
    return sendCommandResult(response, result, `/operators/${encodeURIComponent(body.operatorId)}`);
  }

  @Post(':id/suspend')
  @CommandEndpoint({ summary: 'Suspend: stays assigned, may not reply' })
  async suspend(
    @Param() { id }: EntityIdParams,
    @Body() _body: EmptyBodyDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.send({ type: 'SuspendOperator', data: { operatorId: id } }, context));
  }

  @Post(':id/reactivate')
  @CommandEndpoint({ summary: 'Reactivate a suspended operator' })
  async reactivate(
    @Param() { id }: EntityIdParams,
    @Body() _body: EmptyBodyDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.send({ type: 'ReactivateOperator', data: { operatorId: id } }, context));
  }

  @Delete(':id')
  @CommandEndpoint({ summary: 'Remove from the team; their open dialogs become unassigned' })
  async remove(
    @Param() { id }: EntityIdParams,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.send({ type: 'RemoveOperator', data: { operatorId: id } }, context));
  }

  private send(command: OperatorRequest, context: RequestContext): Promise<CommandResult> {
    return this.commandBus.execute(new ChangeOperatorCommand(command, context));
  }
}
