import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Actor } from '@switchboard/dialogs';
import { ListSavedRepliesHandler, PAGE_LIMITS, type SavedReplyView } from '@switchboard/read-models/queries';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SavedRepliesQueryDto } from './dto/saved-replies-query.dto';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';

@QueryController('saved-replies', 'saved-replies')
export class SavedRepliesQueryController {
  constructor(private readonly savedReplies: ListSavedRepliesHandler) {}

  @Get()
  @ReadsFrom('savedReplies')
  @ApiOperation({
    summary: 'The saved replies the caller may insert',
    description: "The team's replies and the caller's own personal ones (never another person's), team first, then by title.",
  })
  @ApiOkResponse({ description: '{ items: [{ savedReplyId, scope, ownerId, lineId, title, text, createdBy, createdAt, updatedAt }] }' })
  async list(@Query() query: SavedRepliesQueryDto, @CurrentActor() actor: Actor): Promise<{ items: readonly SavedReplyView[] }> {
    const { lineId, search, scope } = query;
    const items = await this.savedReplies.execute({ viewer: actor, lineId, search, scope, limit: query.limit ?? PAGE_LIMITS.default });
    return { items };
  }
}
