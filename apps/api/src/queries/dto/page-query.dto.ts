import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PAGE_LIMITS } from '@switchboard/read-models/queries';
import { FreshReadQueryDto } from './fresh-read-query.dto';
import { IsPageLimit } from './query-string.validators';

/** `limit` of a keyset-paginated read; the cursor is each endpoint's own. */
export class LimitQueryDto extends FreshReadQueryDto {
  @ApiPropertyOptional({ minimum: PAGE_LIMITS.min, maximum: PAGE_LIMITS.max, default: PAGE_LIMITS.default })
  @IsOptional()
  @IsPageLimit()
  limit?: number;
}
