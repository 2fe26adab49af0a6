import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { MAX_SAVED_REPLY_TEXT, MAX_SAVED_REPLY_TITLE } from '@switchboard/dialogs';
import { IsEntityId } from '../../validation/entity-id.validator';
import { ENTITY_ID_PATTERN } from '../../validation/limits';

/** What a saved reply says and where it applies: the body of PUT, and part of POST. */
export class SavedReplyContentDto {
  @ApiProperty({ example: 'Greeting', maxLength: MAX_SAVED_REPLY_TITLE })
  @IsString()
  @Length(1, MAX_SAVED_REPLY_TITLE)
  title!: string;

  @ApiProperty({
    example: 'Hello {clientName}, how can I help?',
    maxLength: MAX_SAVED_REPLY_TEXT,
    description: 'The reply; {clientName} is left as written, for the client application to fill in',
  })
  @IsString()
  @Length(1, MAX_SAVED_REPLY_TEXT)
  text!: string;

  @ApiPropertyOptional({ pattern: ENTITY_ID_PATTERN.source, nullable: true, description: 'Only for this line; absent or null: every line' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsEntityId()
  lineId?: string | null;
}
