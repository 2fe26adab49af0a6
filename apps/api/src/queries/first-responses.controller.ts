import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { FirstResponseStatsHandler, type FirstResponseStats } from '@switchboard/read-models/queries';
import { FirstResponsesQueryDto } from './dto/first-responses-query.dto';
import { timeRangeOf } from './list-dialogs.mapping';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';

@QueryController('stats', 'stats')
export class FirstResponsesController {
  constructor(private readonly stats: FirstResponseStatsHandler) {}

  @Get('first-responses')
  // The assignment periods are written by the dialog list's projection.
  @ReadsFrom('dialogList')
  @ApiOperation({
    summary: 'Count, mean, median, p90 and max of the first response per assignment, per assigned operator, line or UTC day',
    description:
      'An assignment period runs from an assignment to the unassignment or the next assignment; its first response is the first public operator message ' +
      'that answered the client while it lasted, measured from the first moment the client waited during it. Periods never answered count in none. ' +
      'from/to bound when the first responses came.',
  })
  @ApiOkResponse({ description: '{ groupBy, groups: [{ key, count, meanMs, medianMs, p90Ms, maxMs }], total }' })
  async firstResponses(@Query() query: FirstResponsesQueryDto): Promise<FirstResponseStats> {
    return this.stats.execute({
      groupBy: query.groupBy,
      responded: timeRangeOf(query.from, query.to),
      operatorIds: query.operatorId,
      lineIds: query.lineId,
    });
  }
}
