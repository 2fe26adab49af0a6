import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  DEFAULT_RESPONSE_CREDIT,
  responseCredits,
  responseTimeGroupings,
  type ResponseCredit,
  type ResponseTimeGrouping,
} from '@switchboard/read-models/queries';
import { IsEntityIdList } from './query-string.validators';
import { TimeRangeQueryDto } from './time-range-query.dto';

/** GET /stats/response-times: `from`/`to` bound when the intervals ended. */
export class ResponseTimesQueryDto extends TimeRangeQueryDto {
  @ApiProperty({ enum: responseTimeGroupings })
  @IsIn(responseTimeGroupings, { message: `groupBy must be one of ${responseTimeGroupings.join(', ')}` })
  groupBy!: ResponseTimeGrouping;

  @ApiPropertyOptional({
    enum: responseCredits,
    default: DEFAULT_RESPONSE_CREDIT,
    description: 'Which operator an interval belongs to (groupBy=operator, operatorId): the one assigned during the wait, or the one who answered',
  })
  @IsOptional()
  @IsIn(responseCredits, { message: `credit must be one of ${responseCredits.join(', ')}` })
  credit?: ResponseCredit;

  @ApiPropertyOptional({ type: String, description: 'Operators, comma-separated (credited as `credit` says)' })
  @IsOptional()
  @IsEntityIdList()
  operatorId?: string[];

  @ApiPropertyOptional({ type: String, description: 'Lines, comma-separated' })
  @IsOptional()
  @IsEntityIdList()
  lineId?: string[];
}
