import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  DEFAULT_RESPONSE_CREDIT,
  DEFAULT_RESPONSE_TIME_CLOCK,
  responseCredits,
  responseTimeClocks,
  type ResponseCredit,
  type ResponseTimeClock,
} from '@switchboard/read-models/queries';
import { GroupedStatsQueryDto } from './grouped-stats-query.dto';

/** GET /stats/response-times: `from`/`to` bound when the intervals ended. */
export class ResponseTimesQueryDto extends GroupedStatsQueryDto {
  @ApiPropertyOptional({
    enum: responseCredits,
    default: DEFAULT_RESPONSE_CREDIT,
    description: 'Which operator an interval belongs to (groupBy=operator, operatorId): the one assigned during the wait, or the one who answered',
  })
  @IsOptional()
  @IsIn(responseCredits, { message: `credit must be one of ${responseCredits.join(', ')}` })
  credit?: ResponseCredit;

  @ApiPropertyOptional({
    enum: responseTimeClocks,
    default: DEFAULT_RESPONSE_TIME_CLOCK,
    description: "Aggregate calendar durations, or open time under each line's hours",
  })
  @IsOptional()
  @IsIn(responseTimeClocks, { message: `clock must be one of ${responseTimeClocks.join(', ')}` })
  clock?: ResponseTimeClock;
}
