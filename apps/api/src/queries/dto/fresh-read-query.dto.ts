import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLogPosition } from './query-string.validators';

/**
 * What every read accepts: `minPosition`, the position a command answered. The wait itself
 * happens in ReadYourWritesInterceptor; declaring the field here lets the whitelist accept it
 * and documents it.
 */
export class FreshReadQueryDto {
  @ApiPropertyOptional({
    example: '4398046511104',
    description: 'Wait (briefly) until the read models have applied the log up to this position; X-Read-Model-Stale: true if they could not',
  })
  @IsOptional()
  @IsLogPosition()
  minPosition?: string;
}
