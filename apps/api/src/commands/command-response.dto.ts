import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What every command answers; bigints travel as decimal strings, which JSON keeps exact. */
export class CommandResponseDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The dialog the command wrote to (dialog commands only)' })
  dialogId?: string;

  @ApiProperty({ example: 'dialog-7d9f0d4e-5d4b-4c36-9a51-0b1c2d3e4f50' })
  streamId!: string;

  @ApiProperty({ example: '3', description: 'Stream revision after the command; also the ETag' })
  revision!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '4398046511104',
    description:
      'Global log position of the last event written, or, when the command recorded nothing, of the state it was decided on; pass it as minPosition to reads',
  })
  position!: string | null;

  @ApiProperty({ type: [String], example: ['DialogClosed'] })
  eventTypes!: string[];

  @ApiProperty({ description: 'True when an earlier request with the same Idempotency-Key already did the work' })
  duplicate!: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Set when a client wrote to a closed dialog and a follow-up dialog was opened' })
  followUpOf?: string;
}

class BulkItemErrorDto {
  @ApiProperty() status!: number;
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class BulkItemResponseDto {
  @ApiProperty({ format: 'uuid' }) dialogId!: string;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ type: CommandResponseDto }) result?: CommandResponseDto;
  @ApiPropertyOptional({ type: BulkItemErrorDto }) error?: BulkItemErrorDto;
}

export class BulkResponseDto {
  @ApiProperty({ type: [BulkItemResponseDto] }) results!: BulkItemResponseDto[];
}
