import { Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { assertNever, dialogErrors, type Actor } from '@switchboard/dialogs';
import { CurrentActor } from '../auth/current-actor.decorator';
import { DialogIdParams } from '../dialogs/dto/dialog-params.dto';
import { ProblemDto } from '../errors/problem.dto';
import { problems } from '../errors/problems';
import { DialogQueryDto } from './dto/dialog-query.dto';
import { ListDialogsQueryDto } from './dto/list-dialogs-query.dto';
import { listDialogsQueryOf } from './list-dialogs.mapping';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';
import { GetDialogAsOfHandler, GetDialogHandler, ListDialogsHandler, type DialogView, type Page } from '@switchboard/read-models/queries';

@QueryController('dialogs', 'dialog queries')
export class DialogQueriesController {
  constructor(
    private readonly list: ListDialogsHandler,
    private readonly one: GetDialogHandler,
    private readonly oneAsOf: GetDialogAsOfHandler,
  ) {}

  @Get()
  // reminderDue reads the reminders beside the list.
  @ReadsFrom('dialogList', 'reminders')
  @ApiOperation({
    summary: 'The dialog list: filters, sort by any column, keyset pagination ({items, nextCursor})',
    description: 'Operators see the dialogs assigned to them, those they take part in and unassigned ones; other readers see all.',
  })
  @ApiOkResponse({ description: '{ items: [dialog], nextCursor: string | null }' })
  async listDialogs(@Query() query: ListDialogsQueryDto, @CurrentActor() actor: Actor): Promise<Page<DialogView>> {
    return this.list.execute(listDialogsQueryOf(query, actor));
  }

  @Get(':id')
  @ReadsFrom('dialogList')
  @ApiOperation({
    summary: 'One dialog, as the list shows it; with asOf, as it stood at that instant',
    description: 'Who may see it is judged by the dialog as it is now, also with asOf.',
  })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such dialog, not one the caller may see, or (asOf) not opened yet at that instant' })
  async getDialog(@Param() { id }: DialogIdParams, @Query() { asOf }: DialogQueryDto, @CurrentActor() actor: Actor): Promise<DialogView> {
    if (asOf !== undefined) return this.dialogAsOf(id, new Date(asOf), actor);
    const dialog = await this.one.execute({ viewer: actor, dialogId: id });
    if (dialog === undefined) throw dialogErrors.notFound(id);
    return dialog;
  }

  private async dialogAsOf(dialogId: string, asOf: Date, viewer: Actor): Promise<DialogView> {
    const answer = await this.oneAsOf.execute({ viewer, dialogId, asOf });
    switch (answer.kind) {
      case 'found':
        return answer.dialog;
      case 'not_found':
        throw dialogErrors.notFound(dialogId);
      case 'not_opened_yet':
        throw problems.dialogNotOpenedYet(dialogId, asOf, answer.openedAt);
      default:
        return assertNever(answer);
    }
  }
}
