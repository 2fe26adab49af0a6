import { Body, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeDialogCommand, type RequestContext } from '@switchboard/dialog-commands';
import type { Response } from 'express';
import { CommandController } from '../commands/command-controller.decorator';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CommandResponseDto } from '../commands/command-response.dto';
import { sendCommandResult } from '../commands/command-response';
import { CommandContext } from '../context/command-context.decorator';
import { DialogIdParams } from './dto/dialog-params.dto';
import { RateDialogDto } from './dto/rate-dialog.dto';
import { ReviewDialogDto } from './dto/review-dialog.dto';

/** The client's rating and the supervisor's review. */
@CommandController('dialogs/:id', 'dialogs')
export class DialogFeedbackController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put('rating')
  @CommandEndpoint({ summary: "Record the client's rating (1-5), sent by a service on the client's behalf" })
  async rate(
    @Param() { id }: DialogIdParams,
    @Body() body: RateDialogDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const command = new ChangeDialogCommand({ type: 'RateDialog', data: { dialogId: id, rating: body.rating, comment: body.comment } }, context);
    return sendCommandResult(response, await this.commandBus.execute(command));
  }

  @Put('review')
  @CommandEndpoint({ summary: "A supervisor's review: score 1-5 and a comment; the latest counts" })
  async review(
    @Param() { id }: DialogIdParams,
    @Body() body: ReviewDialogDto,
    @CommandContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const command = new ChangeDialogCommand({ type: 'ReviewDialog', data: { dialogId: id, score: body.score, comment: body.comment } }, context);
    return sendCommandResult(response, await this.commandBus.execute(command));
  }
}
