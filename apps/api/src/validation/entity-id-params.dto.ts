import { ApiProperty } from '@nestjs/swagger';
import { ENTITY_ID_PATTERN } from './limits';
import { IsEntityId } from './entity-id.validator';

/** `:id` of an operator or a line. */
export class EntityIdParams {
  @ApiProperty({ pattern: ENTITY_ID_PATTERN.source, example: 'op-1' })
  @IsEntityId()
  id!: string;
}
