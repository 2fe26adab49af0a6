import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { AllowedOnlyWhen } from '../../validation/allowed-only-when.validator';

export class CloseDialogDto {
  @ApiPropertyOptional({ description: "Wait for the client's rating before the dialog counts as closed" })
  @IsOptional()
  @IsBoolean()
  @AllowedOnlyWhen((body: CloseDialogDto) => body.asSpam !== true, 'awaitingRating cannot be combined with asSpam')
  awaitingRating?: boolean;

  @ApiPropertyOptional({ description: 'Force-close as spam' })
  @IsOptional()
  @IsBoolean()
  asSpam?: boolean;
}
