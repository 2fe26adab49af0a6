import { Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { dialogErrors, type Actor } from '@switchboard/dialogs';
import { dialogTimelinePageSchema } from './dialog-timeline.openapi';
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
  type DialogTimelineView,
  type Page,
  type StatusChangeView,
} from '@switchboard/read-models/queries';

/** A dialog's chat timeline (messages, notes, system entries) and status history, each in log order. */
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
  @ApiOperation({
    summary: 'The chat timeline in order: messages, internal notes and system entries (services get messages only)',
    description:
      'Items are told apart by `kind`: `message` and `note` keep their shape; `system` entries say what happened ' +
      '(`action`: assigned, unassigned, transferred_to_line, transferred_to_operator, taken_into_work, joined, left, ' +
      'closed, closed_as_spam, reopened), who did it (`actor`, from the event metadata) and whom it concerns. ' +
      'A client that shows only messages skips the kinds it does not know.',
  })
  @ApiOkResponse({ description: 'A page of the timeline', schema: dialogTimelinePageSchema })
  async listMessages(@Param() { id }: DialogIdParams, @Query() query: PositionPageQueryDto, @CurrentActor() actor: Actor): Promise<Page<DialogTimelineView>> {
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
