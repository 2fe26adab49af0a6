import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsEntityIdList } from './query-string.validators';
import { TimeRangeQueryDto } from './time-range-query.dto';

/** GET /stats/saved-replies: `from`/`to` bound when the replies were used; `lineId` the dialogs' lines then. */
export class SavedReplyStatsQueryDto extends TimeRangeQueryDto {
  @ApiPropertyOptional({ type: String, description: 'Lines, comma-separated: the line of the dialog a reply was used in' })
  @IsOptional()
  @IsEntityIdList()
  lineId?: string[];
}
