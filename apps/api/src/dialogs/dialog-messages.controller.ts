import { Body, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeDialogCommand, type RequestContext } from '@switchboard/dialog-commands';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CommandResponseDto } from '../commands/command-response.dto';
import { sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { derivedId } from '../context/derived-id';
import { AddNoteDto } from './dto/add-note.dto';
import { DialogIdParams } from './dto/dialog-params.dto';
import { SendMessageDto } from './dto/send-message.dto';
import { sendMessageCommandOf } from './dialog-commands-of';

@CommandController('dialogs/:id', 'dialogs')
export class DialogMessagesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('messages')
  @CommandEndpoint({
    summary: 'Post a client, bot or operator message; to a closed dialog a client message opens a follow-up (see followUpOf)',
    created: true,
  })
  async sendMessage(
    @Param() { id }: DialogIdParams,
    @Body() body: SendMessageDto,
    @CommandContext({ occurredAt: true }) context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const result = await this.commandBus.execute(new ChangeDialogCommand(sendMessageCommandOf(id, body, context), context));
    return sendCommandResult(response, result);
  }

  @Post('notes')
  @CommandEndpoint({ summary: 'Add an internal note (clients never see it)', created: true })
  async addNote(
    @Param() { id }: DialogIdParams,
    @Body() body: AddNoteDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const noteId = derivedId(body.noteId, 'note', context, id);
    return sendCommandResult(
      response,
      await this.commandBus.execute(new ChangeDialogCommand({ type: 'AddNote', data: { dialogId: id, noteId, text: body.text } }, context)),
    );
  }
}
