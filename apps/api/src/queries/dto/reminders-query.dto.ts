import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { reminderStatuses, type ReminderStatus } from '@switchboard/dialogs';
import { LimitQueryDto } from './page-query.dto';
import { BooleanText } from './query-string.validators';

export class RemindersQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the reminders on this dialog' })
  @IsOptional()
  @IsUUID('all', { message: 'dialogId must be a UUID' })
  dialogId?: string;

  @ApiPropertyOptional({ enum: reminderStatuses, default: 'open' })
  @IsOptional()
  @IsIn(reminderStatuses)
  status?: ReminderStatus;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only those that fell due (DialogReminderDue recorded); false: only those that did not yet' })
  @IsOptional()
  @BooleanText()
  @IsBoolean({ message: 'due must be true or false' })
  due?: boolean;
}
