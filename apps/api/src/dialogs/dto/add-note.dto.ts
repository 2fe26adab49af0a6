import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { MAX_TEXT_LENGTH } from '../../validation/limits';

export class AddNoteDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: derived from Idempotency-Key, else new' })
  @IsOptional()
  @IsUUID('all')
  noteId?: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_TEXT_LENGTH })
  @IsString()
  @Length(1, MAX_TEXT_LENGTH)
  text!: string;
}
