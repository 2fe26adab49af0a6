import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { AllowedOnlyWhen } from '../../validation/allowed-only-when.validator';
import { IsEntityId } from '../../validation/entity-id.validator';

/** Exactly one of the two: to a line's queue, or to a colleague. */
export class TransferDialogDto {
  @ApiPropertyOptional({ example: 'sales', description: "To this line's queue, unassigned; or give operatorId" })
  @ValidateIf((body: TransferDialogDto) => body.toLineId !== undefined || body.operatorId === undefined)
  @IsEntityId('give toLineId or operatorId')
  @AllowedOnlyWhen((body: TransferDialogDto) => body.operatorId === undefined, 'give toLineId or operatorId, not both')
  toLineId?: string;

  @ApiPropertyOptional({ example: 'op-2', description: 'To this operator, who becomes the assignee; or give toLineId' })
  @ValidateIf((body: TransferDialogDto) => body.operatorId !== undefined)
  @IsEntityId()
  operatorId?: string;
}
