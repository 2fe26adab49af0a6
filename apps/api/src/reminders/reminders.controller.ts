import { randomUUID } from 'node:crypto';
import { Body, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeReminderCommand, deterministicId, type CommandResult, type RequestContext } from '@switchboard/dialog-commands';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CommandResponseDto } from '../commands/command-response.dto';
import { sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { DialogIdParams } from '../dialogs/dto/dialog-params.dto';
import { EmptyBodyDto } from '../validation/empty-body.dto';
import { ReminderParams } from './dto/reminder-params.dto';
import { SetReminderDto } from './dto/set-reminder.dto';

@CommandController('', 'reminders')
export class RemindersController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('dialogs/:id/reminders')
  @CommandEndpoint({ summary: 'Set a reminder on an open dialog for a later instant; it is the caller’s own', created: true, ifMatch: false })
  async set(
    @Param() { id }: DialogIdParams,
    @Body() body: SetReminderDto,
    @CommandContext({ ifMatch: false }) context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const reminderId = body.reminderId ?? newReminderId(context);
    const data = { reminderId, dialogId: id, dueAt: body.dueAt, note: body.note ?? null };
    const result = await this.send({ type: 'SetReminder', data }, context);
    return sendCommandResult(response, result, `/reminders?dialogId=${id}`);
  }

  @Post('reminders/:id/complete')
  @CommandEndpoint({ summary: 'Tick one of your reminders off' })
  async complete(
    @Param() { id }: ReminderParams,
    @Body() _body: EmptyBodyDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.send({ type: 'CompleteReminder', data: { reminderId: id } }, context));
  }

  @Post('reminders/:id/cancel')
  @CommandEndpoint({ summary: 'Cancel one of your reminders' })
  async cancel(
    @Param() { id }: ReminderParams,
    @Body() _body: EmptyBodyDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.send({ type: 'CancelReminder', data: { reminderId: id } }, context));
  }

  private send(command: ChangeReminderCommand['command'], context: RequestContext): Promise<CommandResult> {
    return this.commandBus.execute(new ChangeReminderCommand(command, context));
  }
}

// A retried set with the same key names the same reminder, so the retry finds it.
function newReminderId(context: RequestContext): string {
  const { actor, idempotencyKey } = context;
  return idempotencyKey ? deterministicId(`reminder:${actor.kind}:${actor.id}:${idempotencyKey}`) : randomUUID();
}
