import { randomUUID } from 'node:crypto';
import { Body, Delete, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeSavedReplyCommand, deterministicId, type CommandResult, type RequestContext } from '@switchboard/dialog-commands';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CommandResponseDto } from '../commands/command-response.dto';
import { sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { CreateSavedReplyDto } from './dto/create-saved-reply.dto';
import { SavedReplyContentDto } from './dto/saved-reply-content.dto';
import { SavedReplyParams } from './dto/saved-reply-params.dto';

const contentOf = (body: SavedReplyContentDto) => ({ title: body.title, text: body.text, lineId: body.lineId ?? null });

@CommandController('saved-replies', 'saved-replies')
export class SavedRepliesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @CommandEndpoint({ summary: 'Save a reply template: a team one (supervisors, admins) or a personal one', created: true, ifMatch: false })
  async create(
    @Body() body: CreateSavedReplyDto,
    @CommandContext({ ifMatch: false }) context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const savedReplyId = body.savedReplyId ?? newSavedReplyId(context);
    const result = await this.send({ type: 'CreateSavedReply', data: { savedReplyId, scope: body.scope, ...contentOf(body) } }, context);
    return sendCommandResult(response, result, `/saved-replies/${savedReplyId}`);
  }

  @Put(':id')
  @CommandEndpoint({ summary: "Replace a saved reply's title, text and line; the same content again records nothing" })
  async edit(
    @Param() { id }: SavedReplyParams,
    @Body() body: SavedReplyContentDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.send({ type: 'EditSavedReply', data: { savedReplyId: id, ...contentOf(body) } }, context));
  }

  @Delete(':id')
  @CommandEndpoint({ summary: 'Delete a saved reply; the list drops it, the events stay' })
  async remove(
    @Param() { id }: SavedReplyParams,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.send({ type: 'DeleteSavedReply', data: { savedReplyId: id } }, context));
  }

  private send(command: ChangeSavedReplyCommand['command'], context: RequestContext): Promise<CommandResult> {
    return this.commandBus.execute(new ChangeSavedReplyCommand(command, context));
  }
}

// A retried create with the same key names the same reply, so the retry finds it instead of
// saving a second copy.
function newSavedReplyId(context: RequestContext): string {
  const { actor, idempotencyKey } = context;
  return idempotencyKey ? deterministicId(`saved-reply:${actor.kind}:${actor.id}:${idempotencyKey}`) : randomUUID();
}
