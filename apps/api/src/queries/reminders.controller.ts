import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Actor } from '@switchboard/dialogs';
import { ListRemindersHandler, PAGE_LIMITS, type ReminderView } from '@switchboard/read-models/queries';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RemindersQueryDto } from './dto/reminders-query.dto';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';

@QueryController('reminders', 'reminders')
export class RemindersQueryController {
  constructor(private readonly reminders: ListRemindersHandler) {}

  @Get()
  @ReadsFrom('reminders')
  @ApiOperation({
    summary: "The caller's own reminders, soonest due first",
    description:
      'Open ones unless `status` says otherwise; `due=true` keeps those that fell due (the log recorded DialogReminderDue, within ' +
      'REMINDER_SWEEP_MS of dueAt), `due=false` those that did not yet; `dialogId` those on one dialog.',
  })
  @ApiOkResponse({ description: '{ items: [{ reminderId, dialogId, dueAt, note, status, setAt, finishedAt, fellDueAt }] }' })
  async list(@Query() query: RemindersQueryDto, @CurrentActor() actor: Actor): Promise<{ items: readonly ReminderView[] }> {
    const items = await this.reminders.execute({
      viewer: actor,
      dialogId: query.dialogId,
      status: query.status ?? 'open',
      due: query.due,
      limit: query.limit ?? PAGE_LIMITS.default,
    });
    return { items };
  }
}
