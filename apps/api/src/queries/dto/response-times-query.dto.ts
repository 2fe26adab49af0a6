import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  responseTimeClocks,
  responseTimeGroupings,
  type ResponseTimeClock,
  type ResponseTimeGrouping,
} from '@switchboard/read-models/queries';
import { IsEntityIdList } from './query-string.validators';
import { TimeRangeQueryDto } from './time-range-query.dto';

/** GET /stats/response-times: `from`/`to` bound when the intervals ended. */
export class ResponseTimesQueryDto extends TimeRangeQueryDto {
  @ApiProperty({ enum: responseTimeGroupings })
  @IsIn(responseTimeGroupings, { message: `groupBy must be one of ${responseTimeGroupings.join(', ')}` })
  groupBy!: ResponseTimeGrouping;

  @ApiPropertyOptional({ type: String, description: 'Operators, comma-separated' })
  @IsOptional()
  @IsEntityIdList()
  operatorId?: string[];

  @ApiPropertyOptional({ type: String, description: 'Lines, comma-separated' })
  @IsOptional()
  @IsEntityIdList()
  lineId?: string[];

  @ApiPropertyOptional({ enum: responseTimeClocks, default: 'calendar', description: 'Aggregate calendar durations, or open time under each line\'s hours' })
  @IsOptional()
  @IsIn(responseTimeClocks, { message: `clock must be one of ${responseTimeClocks.join(', ')}` })
  clock?: ResponseTimeClock;
}
