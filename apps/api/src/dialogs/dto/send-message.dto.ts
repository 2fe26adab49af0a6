import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import type { PublicAuthorKind } from '@switchboard/dialogs';
import { AllowedOnlyWhen } from '../../validation/allowed-only-when.validator';
import { IsEntityId } from '../../validation/entity-id.validator';
import { ISO_DATE_TIME_PATTERN, MAX_ATTACHMENTS, MAX_TEXT_LENGTH } from '../../validation/limits';
import { AttachmentDto } from './attachment.dto';

const authors: readonly PublicAuthorKind[] = ['client', 'bot', 'operator'];

export class SendMessageDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: derived from Idempotency-Key, else new' })
  @IsOptional()
  @IsUUID('all')
  messageId?: string;

  @ApiProperty({ enum: authors, description: 'service principals post client or bot messages; staff post operator messages' })
  @IsIn(authors)
  author!: PublicAuthorKind;

  @ApiPropertyOptional({ example: 'faq-bot', description: 'Required when author is bot, refused otherwise' })
  @ValidateIf((body: SendMessageDto) => body.author === 'bot' || body.botId !== undefined)
  @IsEntityId('botId is required when author is "bot"')
  @AllowedOnlyWhen((body: SendMessageDto) => body.author === 'bot', 'botId is only for author "bot"')
  botId?: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_TEXT_LENGTH })
  @IsString()
  @Length(1, MAX_TEXT_LENGTH)
  text!: string;

  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: MAX_ATTACHMENTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({
    example: '3',
    description:
      'Operator messages: the dialog revision (its ETag) the screen showed. If a colleague’s first reply claimed the dialog ' +
      'since, this reply is still recorded and its author joins; any other change since answers 409 dialog_claimed',
  })
  @AllowedOnlyWhen((body: SendMessageDto) => body.author === 'operator', 'seenRevision is only for author "operator"')
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'seenRevision must be a stream revision: a whole number as a string, such as "3"' })
  seenRevision?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Operator messages: the saved reply the text was made from (the team’s or your own, not deleted), counted by GET /stats/saved-replies',
  })
  @AllowedOnlyWhen((body: SendMessageDto) => body.author === 'operator', 'savedReplyId is only for author "operator"')
  @IsOptional()
  @IsUUID('all', { message: 'savedReplyId must be a UUID' })
  savedReplyId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Service principals only: when the channel received it' })
  @IsOptional()
  @Matches(ISO_DATE_TIME_PATTERN, { message: 'occurredAt must be an ISO 8601 date and time with an offset' })
  occurredAt?: string;
}
