import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { decodePositionCursor } from '@switchboard/read-models/queries';
import { LimitQueryDto } from './page-query.dto';
import { IsCursor } from './query-string.validators';

/** A page of a dialog's messages or history, which are in log order. */
export class PositionPageQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page, unchanged' })
  @IsOptional()
  @IsCursor((raw) => decodePositionCursor(raw) !== undefined, 'must be the nextCursor of a previous page, unchanged')
  cursor?: string;
}
