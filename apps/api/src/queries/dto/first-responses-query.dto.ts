import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { firstResponseGroupings, type FirstResponseGrouping } from '@switchboard/read-models/queries';
import { IsEntityIdList } from './query-string.validators';
import { TimeRangeQueryDto } from './time-range-query.dto';

/** GET /stats/first-responses: `from`/`to` bound when the first responses came. */
export class FirstResponsesQueryDto extends TimeRangeQueryDto {
  @ApiProperty({ enum: firstResponseGroupings })
  @IsIn(firstResponseGroupings, { message: `groupBy must be one of ${firstResponseGroupings.join(', ')}` })
  groupBy!: FirstResponseGrouping;

  @ApiPropertyOptional({ type: String, description: 'Assigned operators, comma-separated' })
  @IsOptional()
  @IsEntityIdList()
  operatorId?: string[];

  @ApiPropertyOptional({ type: String, description: 'Lines, comma-separated' })
  @IsOptional()
  @IsEntityIdList()
  lineId?: string[];
}
