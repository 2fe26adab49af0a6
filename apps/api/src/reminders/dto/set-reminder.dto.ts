import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MAX_REMINDER_NOTE } from '@switchboard/dialogs';
import { ISO_DATE_TIME_PATTERN } from '../../validation/limits';

export class SetReminderDto {
  @ApiProperty({ format: 'date-time', example: '2024-03-01T15:00:00Z', description: 'When to remind; later than now' })
  @Matches(ISO_DATE_TIME_PATTERN, { message: 'dueAt must be an ISO 8601 date and time with an offset' })
  dueAt!: string;

  @ApiPropertyOptional({ maxLength: MAX_REMINDER_NOTE, example: 'Call back about the refund' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REMINDER_NOTE)
  note?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the caller; otherwise named from the Idempotency-Key, or new' })
  @IsOptional()
  @IsUUID('all', { message: 'reminderId must be a UUID' })
  reminderId?: string;
}
