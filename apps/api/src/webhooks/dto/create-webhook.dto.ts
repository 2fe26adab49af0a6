import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { eventCategories, eventTypes } from '@switchboard/dialogs';
import { SECRET_LENGTH } from '@switchboard/webhooks';
import { IsHttpUrl } from '../../validation/http-url.validator';

/** `now`, `start` or a log position: where the subscription starts. */
export const FROM_PATTERN = /^(now|start|\d{1,19})$/;

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://crm.example.com/switchboard/events', description: 'http or https; private and loopback addresses are refused' })
  @IsHttpUrl()
  url!: string;

  @ApiPropertyOptional({ enum: eventTypes, isArray: true, description: 'Only these event types; all when absent or empty' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(eventTypes.length)
  @ArrayUnique()
  @IsIn(eventTypes, { each: true, message: 'each value in eventTypes must be an event type of the catalogue' })
  eventTypes?: string[];

  @ApiPropertyOptional({ enum: eventCategories, isArray: true, description: 'Only streams of these categories; all when absent or empty' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(eventCategories, { each: true, message: `each value in categories must be one of ${eventCategories.join(', ')}` })
  categories?: string[];

  @ApiPropertyOptional({ description: `The HMAC key, ${SECRET_LENGTH.min}-${SECRET_LENGTH.max} characters; generated when absent. Shown once.` })
  @IsOptional()
  @IsString()
  @Length(SECRET_LENGTH.min, SECRET_LENGTH.max)
  secret?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    example: 'now',
    description: '`now` (default): events appended from now on; `start`: the whole log; a position: the events after it',
  })
  @IsOptional()
  @IsString()
  @Matches(FROM_PATTERN, { message: 'from must be now, start, or a log position (decimal digits)' })
  from?: string;
}
