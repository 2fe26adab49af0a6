import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` of a saved reply. */
export class SavedReplyParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be the id of a saved reply (a UUID)' })
  id!: string;
}
