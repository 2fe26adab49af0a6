import { ApiProperty } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { IsEntityId } from '../../validation/entity-id.validator';

export class AssignOperatorDto {
  // Required, and null is a value: it unassigns. Absent is a mistake, not an unassign.
  @ApiProperty({ type: String, nullable: true, example: 'op-1', description: 'null unassigns; your own id assigns to yourself' })
  @ValidateIf((body: AssignOperatorDto) => body.operatorId !== null)
  @IsEntityId('operatorId is required: an operator id, or null to unassign')
  operatorId!: string | null;
}
