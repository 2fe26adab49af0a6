import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsEntityId } from '../../validation/entity-id.validator';

export class PinDialogDto {
  @ApiPropertyOptional({ example: 'op-1', description: 'Default: the caller' })
  @IsOptional()
  @IsEntityId()
  operatorId?: string;
}
