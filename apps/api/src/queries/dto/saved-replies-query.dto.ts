import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { MAX_SAVED_REPLY_TITLE, savedReplyScopes, type SavedReplyScope } from '@switchboard/dialogs';
import { IsEntityId } from '../../validation/entity-id.validator';
import { ENTITY_ID_PATTERN } from '../../validation/limits';
import { LimitQueryDto } from './page-query.dto';

export class SavedRepliesQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ pattern: ENTITY_ID_PATTERN.source, description: "The replies usable on this line: its own and every line's" })
  @IsOptional()
  @IsEntityId()
  lineId?: string;

  @ApiPropertyOptional({ maxLength: MAX_SAVED_REPLY_TITLE, description: 'Case-insensitive: the title starts with it, or the text contains it' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_SAVED_REPLY_TITLE)
  search?: string;

  @ApiPropertyOptional({ enum: savedReplyScopes })
  @IsOptional()
  @IsIn(savedReplyScopes)
  scope?: SavedReplyScope;
}
