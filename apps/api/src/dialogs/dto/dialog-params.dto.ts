import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { TAG_PATTERN, TAG_REASON } from '../../validation/limits';

export class DialogIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class DialogTagParams extends DialogIdParams {
  @ApiProperty({ example: 'vip', description: TAG_REASON })
  @Matches(TAG_PATTERN, { message: `tag ${TAG_REASON}` })
  tag!: string;
}
