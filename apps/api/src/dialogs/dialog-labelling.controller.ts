import { Body, Delete, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeDialogCommand, type RequestContext } from '@switchboard/dialog-commands';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CommandResponseDto } from '../commands/command-response.dto';
import { sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { EmptyBodyDto } from '../validation/empty-body.dto';
import { CrmLinkDto } from './dto/crm-link.dto';
import { DialogIdParams, DialogTagParams } from './dto/dialog-params.dto';

/** Tags and the CRM link. */
@CommandController('dialogs/:id', 'dialogs')
export class DialogLabellingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put('tags/:tag')
  @CommandEndpoint({ summary: 'Add a tag' })
  async addTag(
    @Param() { id, tag }: DialogTagParams,
    @Body() _body: EmptyBodyDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.commandBus.execute(new ChangeDialogCommand({ type: 'AddTag', data: { dialogId: id, tag } }, context)));
  }

  @Delete('tags/:tag')
  @CommandEndpoint({ summary: 'Remove a tag' })
  async removeTag(
    @Param() { id, tag }: DialogTagParams,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return sendCommandResult(response, await this.commandBus.execute(new ChangeDialogCommand({ type: 'RemoveTag', data: { dialogId: id, tag } }, context)));
  }

  @Put('crm-link')
  @CommandEndpoint({ summary: 'Link the dialog to a CRM contact, deal or order' })
  async setCrmLink(
    @Param() { id }: DialogIdParams,
    @Body() body: CrmLinkDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const crmLink = { kind: body.kind, id: body.id, url: body.url };
    return sendCommandResult(
      response,
      await this.commandBus.execute(new ChangeDialogCommand({ type: 'SetCrmLink', data: { dialogId: id, crmLink } }, context)),
    );
  }
}
