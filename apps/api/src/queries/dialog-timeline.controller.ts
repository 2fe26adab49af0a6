import { Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { dialogErrors, type Actor } from '@switchboard/dialogs';
import { CurrentActor } from '../auth/current-actor.decorator';
import { DialogIdParams } from '../dialogs/dto/dialog-params.dto';
import { ProblemDto } from '../errors/problem.dto';
import { PositionPageQueryDto } from './dto/position-page-query.dto';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';
import {
  decodePositionCursor,
  GetDialogHistoryHandler,
  GetDialogMessagesHandler,
  PAGE_LIMITS,
  type DialogMessageView,
  type Page,
  type StatusChangeView,
} from '@switchboard/read-models/queries';

/** A dialog's messages and status history, each in log order. */
@QueryController('dialogs/:id', 'dialog queries')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such dialog, or not one the caller may see' })
export class DialogTimelineController {
  constructor(
    private readonly messages: GetDialogMessagesHandler,
    private readonly history: GetDialogHistoryHandler,
  ) {}

  @Get('messages')
  // Who may read it is in routeAccessTable. The list decides who sees the dialog; the messages table holds what they see.
  @ReadsFrom('dialogList', 'dialogMessages')
  @ApiOperation({ summary: 'Messages and internal notes in order (services get messages only)' })
  @ApiOkResponse({ description: '{ items: [message], nextCursor: string | null }' })
  async listMessages(@Param() { id }: DialogIdParams, @Query() query: PositionPageQueryDto, @CurrentActor() actor: Actor): Promise<Page<DialogMessageView>> {
    const page = await this.messages.execute({ viewer: actor, dialogId: id, ...pageOf(query) });
    if (page === undefined) throw dialogErrors.notFound(id);
    return page;
  }

  @Get('history')
  @ReadsFrom('dialogList')
  @ApiOperation({ summary: "The dialog's status changes in order, with the event and actor behind each" })
  @ApiOkResponse({ description: '{ items: [status change], nextCursor: string | null }' })
  async listHistory(@Param() { id }: DialogIdParams, @Query() query: PositionPageQueryDto, @CurrentActor() actor: Actor): Promise<Page<StatusChangeView>> {
    const page = await this.history.execute({ viewer: actor, dialogId: id, ...pageOf(query) });
    if (page === undefined) throw dialogErrors.notFound(id);
    return page;
  }
}

const pageOf = (query: PositionPageQueryDto) => ({
  limit: query.limit ?? PAGE_LIMITS.default,
  afterPosition: query.cursor === undefined ? undefined : decodePositionCursor(query.cursor),
});
