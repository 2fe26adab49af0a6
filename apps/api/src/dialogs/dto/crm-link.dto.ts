import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { CrmLinkKind } from '@switchboard/dialogs';
import { IsHttpUrl } from '../../validation/http-url.validator';
import { MAX_NAME_LENGTH } from '../../validation/limits';

const kinds: readonly CrmLinkKind[] = ['contact', 'deal', 'order'];

export class CrmLinkDto {
  @ApiProperty({ enum: kinds })
  @IsIn(kinds)
  kind!: CrmLinkKind;

  @ApiProperty({ example: 'D-1042', description: "The CRM's id" })
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  id!: string;

  @ApiPropertyOptional({ example: 'https://crm.example.com/deals/1042' })
  @IsOptional()
  @IsHttpUrl()
  url?: string;
}
