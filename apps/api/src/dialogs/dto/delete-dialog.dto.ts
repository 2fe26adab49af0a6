import { ApiProperty } from '@nestjs/swagger';
import { MAX_DELETION_REASON } from '@switchboard/dialogs';
import { IsString, Length, Matches } from 'class-validator';

export class DeleteDialogDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_DELETION_REASON, example: 'A test dialog opened by mistake', description: 'Why, for the audit' })
  @IsString()
  @Length(1, MAX_DELETION_REASON)
  @Matches(/\S/, { message: 'reason must say why, not be blank' })
  reason!: string;
}
