import { Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { dialogErrors, type Actor } from '@switchboard/dialogs';
import { PAGE_LIMITS } from '@switchboard/read-models/queries';
import { CurrentActor } from '../auth/current-actor.decorator';
import { DialogIdParams } from '../dialogs/dto/dialog-params.dto';
import { ProblemDto } from '../errors/problem.dto';
import { DialogEventsHandler, type DialogEventsPage } from './dialog-events/dialog-events.handler';
import { DialogEventsQueryDto, revisionOf } from './dto/dialog-events-query.dto';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';

/** The audit trail of one dialog: its events exactly as the log holds them. */
@QueryController('dialogs/:id', 'audit')
export class DialogEventsController {
  constructor(private readonly events: DialogEventsHandler) {}

  @Get('events')
  // Operators see the dialogs the list shows them; the events themselves come from the log.
  @ReadsFrom('dialogList')
  @ApiOperation({
    summary: "The dialog stream's raw events with all metadata (actor, correlation, causation, hash chain), by revision",
    description: "Paginated by `fromRevision` and `limit`; `verify=true` adds `chain`, the verdict on the whole stream's hash chain.",
  })
  @ApiOkResponse({ description: '{ dialogId, streamId, items: [event], nextFromRevision: string | null, chain? }' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such dialog, or not one the caller may see' })
  async listEvents(@Param() { id }: DialogIdParams, @Query() query: DialogEventsQueryDto, @CurrentActor() actor: Actor): Promise<DialogEventsPage> {
    const page = await this.events.execute({
      viewer: actor,
      dialogId: id,
      fromRevision: revisionOf(query.fromRevision),
      limit: query.limit ?? PAGE_LIMITS.default,
      verify: query.verify ?? false,
    });
    if (page === undefined) throw dialogErrors.notFound(id);
    return page;
  }
}
