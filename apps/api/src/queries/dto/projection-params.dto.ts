import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** `:name` of a projection, as its checkpoint is named (`read-models.dialog-list`, or `read-models.dialog-list@g3` for a generation being built). */
export class ProjectionParams {
  @ApiProperty({ example: 'read-models.dialog-list' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/, { message: 'name must be a projection name such as read-models.dialog-list' })
  name!: string;
}
