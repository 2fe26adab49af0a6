import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { RoutingMode } from '@switchboard/dialogs';
import { IsEntityId } from '../../validation/entity-id.validator';
import { ENTITY_ID_PATTERN, MAX_NAME_LENGTH } from '../../validation/limits';

const routingModes: readonly RoutingMode[] = ['manual', 'round_robin', 'least_loaded'];
const MAX_OPERATORS = 1_000;

export class CreateLineDto {
  @ApiProperty({ pattern: ENTITY_ID_PATTERN.source, example: 'support' })
  @IsEntityId()
  lineId!: string;

  @ApiProperty({ example: 'Support', maxLength: MAX_NAME_LENGTH })
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  name!: string;

  @ApiProperty({ enum: routingModes, description: 'manual: first reply assigns; otherwise assigned on open' })
  @IsIn(routingModes)
  routingMode!: RoutingMode;

  @ApiPropertyOptional({ type: [String], example: ['op-1', 'op-2'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OPERATORS)
  @ArrayUnique()
  @IsEntityId(undefined, { each: true })
  operatorIds?: string[];
}
