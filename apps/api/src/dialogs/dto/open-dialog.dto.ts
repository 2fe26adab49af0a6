import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import type { DialogDirection } from '@switchboard/dialogs';
import { IsHttpUrl } from '../../validation/http-url.validator';
import { IsEntityId } from '../../validation/entity-id.validator';
import { ISO_DATE_TIME_PATTERN, MAX_NAME_LENGTH, MAX_URL_LENGTH } from '../../validation/limits';

const directions: readonly DialogDirection[] = ['inbound', 'outbound'];

export class DialogClientDto {
  @ApiProperty({ example: 'client-42', description: "The channel's id of the client" })
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  id!: string;

  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  name?: string;
}

export class OpenDialogDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Naming the dialog makes a retried open idempotent' })
  @IsOptional()
  @IsUUID('all')
  dialogId?: string;

  @ApiProperty({ enum: directions })
  @IsIn(directions)
  direction!: DialogDirection;

  @ApiProperty({ example: 'telegram' })
  @IsEntityId()
  channel!: string;

  @ApiProperty({ example: 'support' })
  @IsEntityId()
  lineId!: string;

  @ApiProperty({ type: DialogClientDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DialogClientDto)
  client!: DialogClientDto;

  @ApiPropertyOptional({ example: 'https://shop.example.com/cart', maxLength: MAX_URL_LENGTH })
  @IsOptional()
  @IsHttpUrl()
  pageUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  formFilled?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  historyRequested?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Service principals only: when the channel saw it happen' })
  @IsOptional()
  @Matches(ISO_DATE_TIME_PATTERN, { message: 'occurredAt must be an ISO 8601 date and time with an offset' })
  occurredAt?: string;
}
