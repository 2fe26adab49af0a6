import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` of a webhook subscription. */
export class WebhookParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be the id of a webhook (a UUID)' })
  id!: string;
}

/** `:id` of a webhook and `:eventId` of one of its dead letters. */
export class DeadLetterParams extends WebhookParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'eventId must be the id of an event (a UUID)' })
  eventId!: string;
}
