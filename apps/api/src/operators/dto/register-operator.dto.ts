import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsEntityId } from '../../validation/entity-id.validator';
import { ENTITY_ID_PATTERN, MAX_NAME_LENGTH } from '../../validation/limits';

// A line with more members than this is a configuration mistake rather than a team.
const MAX_LINES = 100;

export class RegisterOperatorDto {
  @ApiProperty({ pattern: ENTITY_ID_PATTERN.source, example: 'op-1', description: "The operator's principal id (the token's sub)" })
  @IsEntityId()
  operatorId!: string;

  @ApiProperty({ example: 'Grace Hopper', maxLength: MAX_NAME_LENGTH })
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  name!: string;

  @ApiPropertyOptional({ example: 'grace@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ type: [String], example: ['support'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @ArrayUnique()
  @IsEntityId(undefined, { each: true })
  lineIds?: string[];
}
