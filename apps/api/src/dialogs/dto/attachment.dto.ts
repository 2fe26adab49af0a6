import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsHttpUrl } from '../../validation/http-url.validator';
import { CONTENT_TYPE_PATTERN, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_NAME_LENGTH } from '../../validation/limits';

export class AttachmentDto {
  @ApiProperty({ example: 'invoice.pdf', maxLength: MAX_ATTACHMENT_NAME_LENGTH })
  @IsString()
  @Length(1, MAX_ATTACHMENT_NAME_LENGTH)
  name!: string;

  @ApiProperty({ example: 'application/pdf' })
  @Matches(CONTENT_TYPE_PATTERN, { message: 'contentType must be a media type such as image/png' })
  contentType!: string;

  @ApiProperty({ minimum: 0, maximum: MAX_ATTACHMENT_BYTES })
  @IsInt()
  @Min(0)
  @Max(MAX_ATTACHMENT_BYTES, { message: `sizeBytes must not exceed ${MAX_ATTACHMENT_BYTES} bytes (2 MiB)` })
  sizeBytes!: number;

  @ApiPropertyOptional({ example: 'https://files.example.com/invoice.pdf' })
  @IsOptional()
  @IsHttpUrl()
  url?: string;
}
