import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { responseTimeGroupings, type ResponseTimeGrouping } from '@switchboard/read-models/queries';
import { IsEntityIdList } from './query-string.validators';
import { TimeRangeQueryDto } from './time-range-query.dto';

/** What every GET /stats/... takes: the grouping, the time range, operators and lines. */
export class GroupedStatsQueryDto extends TimeRangeQueryDto {
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
}
