import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { FreshReadQueryDto } from './fresh-read-query.dto';
import { IsEntityIdList } from './query-string.validators';

export class WorkloadQueryDto extends FreshReadQueryDto {
  @ApiPropertyOptional({ type: String, description: 'Only dialogs in these lines, comma-separated' })
  @IsOptional()
  @IsEntityIdList()
  lineId?: string[];
}
