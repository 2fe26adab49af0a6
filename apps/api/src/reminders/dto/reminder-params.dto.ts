import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` of a reminder. */
export class ReminderParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be the id of a reminder (a UUID)' })
  id!: string;
}
