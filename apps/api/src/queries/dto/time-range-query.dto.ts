import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { FreshReadQueryDto } from './fresh-read-query.dto';
import { IsInstant, NotBefore } from './query-string.validators';

/** `from` (included) and `to` (not included) of a read over time: the audit, the stats. */
export class TimeRangeQueryDto extends FreshReadQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'At or after this instant (or UTC date)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this instant (or UTC date); not included' })
  @IsOptional()
  @IsInstant()
  @NotBefore('from')
  to?: string;
}
