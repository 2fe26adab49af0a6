import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ResponseTimesQueryDto } from './dto/response-times-query.dto';
import { timeRangeOf } from './list-dialogs.mapping';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';
import { ResponseTimeStatsHandler, type ResponseTimeStats } from '@switchboard/read-models/queries';

@QueryController('stats', 'stats')
export class ResponseTimesController {
  constructor(private readonly stats: ResponseTimeStatsHandler) {}

  @Get('response-times')
  // The response intervals are written by the dialog list's projection.
  @ReadsFrom('dialogList')
  @ApiOperation({
    summary: 'Count, mean, median, p90 and max of response intervals per operator, line or UTC day, and in total',
    description:
      'Milliseconds, rounded to whole ones. Median and p90 are percentile_cont (interpolated). from/to bound when intervals ended. ' +
      'credit=assignee (default) credits each interval to the operator assigned during the wait (key null: nobody was); credit=responder to the one who answered. ' +
      "clock=business aggregates the open time under the hours of each interval's line; calendar (default) the elapsed time. Credit and clock combine.",
  })
  @ApiOkResponse({ description: '{ groupBy, credit, clock, groups: [{ key, count, meanMs, medianMs, p90Ms, maxMs }], total }' })
  async responseTimes(@Query() query: ResponseTimesQueryDto): Promise<ResponseTimeStats> {
    return this.stats.execute({
      groupBy: query.groupBy,
      credit: query.credit,
      ended: timeRangeOf(query.from, query.to),
      operatorIds: query.operatorId,
      lineIds: query.lineId,
      clock: query.clock,
    });
  }
}
