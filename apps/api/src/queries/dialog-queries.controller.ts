import { Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { dialogErrors, type Actor } from '@switchboard/dialogs';
import { CurrentActor } from '../auth/current-actor.decorator';
import { DialogIdParams } from '../dialogs/dto/dialog-params.dto';
import { ProblemDto } from '../errors/problem.dto';
import { FreshReadQueryDto } from './dto/fresh-read-query.dto';
import { ListDialogsQueryDto } from './dto/list-dialogs-query.dto';
import { listDialogsQueryOf } from './list-dialogs.mapping';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';
import { GetDialogHandler, ListDialogsHandler, type DialogView, type Page } from '@switchboard/read-models/queries';
import { ReadableBy } from './readers/readable-by.decorator';

@QueryController('dialogs', 'dialog queries')
export class DialogQueriesController {
  constructor(
    private readonly list: ListDialogsHandler,
    private readonly one: GetDialogHandler,
  ) {}

  @Get()
  @ReadableBy('operator', 'supervisor', 'admin', 'auditor')
  @ReadsFrom('dialogList')
  @ApiOperation({
    summary: 'The dialog list: filters, sort by any column, keyset pagination ({items, nextCursor})',
    description: 'Operators see the dialogs assigned to them, those they take part in and unassigned ones; other readers see all.',
  })
  @ApiOkResponse({ description: '{ items: [dialog], nextCursor: string | null }' })
  async listDialogs(@Query() query: ListDialogsQueryDto, @CurrentActor() actor: Actor): Promise<Page<DialogView>> {
    return this.list.execute(listDialogsQueryOf(query, actor));
  }

  @Get(':id')
  @ReadableBy('operator', 'supervisor', 'admin', 'auditor')
  @ReadsFrom('dialogList')
  @ApiOperation({ summary: 'One dialog, as the list shows it' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such dialog, or not one the caller may see' })
  async getDialog(@Param() { id }: DialogIdParams, @Query() _query: FreshReadQueryDto, @CurrentActor() actor: Actor): Promise<DialogView> {
    const dialog = await this.one.execute({ viewer: actor, dialogId: id });
    if (dialog === undefined) throw dialogErrors.notFound(id);
    return dialog;
  }
}
