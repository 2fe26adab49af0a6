import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { decodePositionCursor, PAGE_LIMITS } from '@switchboard/read-models/queries';
import { IsCursor, IsPageLimit } from '../../queries/dto/query-string.validators';

/** A page of a webhook's delivery log or dead letters; both are keyed by a bigint. */
export class WebhookPageQueryDto {
  @ApiPropertyOptional({ minimum: PAGE_LIMITS.min, maximum: PAGE_LIMITS.max, default: PAGE_LIMITS.default })
  @IsOptional()
  @IsPageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, unchanged' })
  @IsOptional()
  @IsCursor((raw) => decodePositionCursor(raw) !== undefined, 'must be the nextCursor of a previous page, unchanged')
  cursor?: string;
}
