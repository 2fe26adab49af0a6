import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Actor } from '@switchboard/dialogs';
import { SavedReplyStatsHandler, type SavedReplyUsage } from '@switchboard/read-models/queries';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SavedReplyStatsQueryDto } from './dto/saved-reply-stats-query.dto';
import { timeRangeOf } from './list-dialogs.mapping';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';

@QueryController('stats', 'stats')
export class SavedReplyStatsController {
  constructor(private readonly stats: SavedReplyStatsHandler) {}

  @Get('saved-replies')
  @ReadsFrom('savedReplyUses', 'savedReplies')
  @ApiOperation({
    summary: 'How often each saved reply was used in operator messages, and by whom; most used first',
    description:
      'from/to bound when a reply was used, lineId the line of its dialog then. The title is shown for team replies and the caller’s own ' +
      'personal ones (another’s stays private: null). Uses in deleted dialogs, or in dialogs of deleted lines, are gone with them.',
  })
  @ApiOkResponse({ description: '{ items: [{ savedReplyId, scope, title, deleted, uses, byOperator: [{ operatorId, uses }] }] }' })
  async savedReplies(@Query() query: SavedReplyStatsQueryDto, @CurrentActor() actor: Actor): Promise<{ items: readonly SavedReplyUsage[] }> {
    return { items: await this.stats.execute({ viewer: actor, used: timeRangeOf(query.from, query.to), lineIds: query.lineId }) };
  }
}
