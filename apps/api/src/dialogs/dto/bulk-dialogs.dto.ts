import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID, ValidateIf } from 'class-validator';
import { AllowedOnlyWhen } from '../../validation/allowed-only-when.validator';
import { IsEntityId } from '../../validation/entity-id.validator';
import { MAX_BULK_DIALOGS } from '../../validation/limits';

export const bulkActions = ['close', 'force_close', 'transfer'] as const;
export type BulkAction = (typeof bulkActions)[number];

const isTransfer = (body: BulkDialogsDto): boolean => body.action === 'transfer';

export class BulkDialogsDto {
  @ApiProperty({ enum: bulkActions })
  @IsIn(bulkActions)
  action!: BulkAction;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_BULK_DIALOGS, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_DIALOGS)
  @ArrayUnique({ message: 'dialogIds must not repeat a dialog' })
  @IsUUID('all', { each: true })
  dialogIds!: string[];

  @ApiPropertyOptional({ description: 'transfer only: the target line; or give operatorId' })
  @ValidateIf((body: BulkDialogsDto) => body.toLineId !== undefined || (isTransfer(body) && body.operatorId === undefined))
  @IsEntityId('a transfer needs toLineId or operatorId')
  @AllowedOnlyWhen(
    (body: BulkDialogsDto) => isTransfer(body) && body.operatorId === undefined,
    'toLineId is only for action "transfer", and not together with operatorId',
  )
  toLineId?: string;

  @ApiPropertyOptional({ description: 'transfer only: the target operator; or give toLineId' })
  @ValidateIf((body: BulkDialogsDto) => body.operatorId !== undefined)
  @IsEntityId()
  @AllowedOnlyWhen(isTransfer, 'operatorId is only for action "transfer"')
  operatorId?: string;
}
