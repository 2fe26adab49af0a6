import { ApiProperty } from '@nestjs/swagger';
import { MAX_ERASURE_REASON } from '@switchboard/dialogs';
import { IsString, Length, Matches } from 'class-validator';
import { MAX_NAME_LENGTH } from '../../validation/limits';

export class ClientIdParams {
  @ApiProperty({ example: 'client-42', description: "The channel's id of the client, as its dialogs were opened with" })
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  clientId!: string;
}

export class EraseClientDataDto {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_ERASURE_REASON,
    example: 'Request under GDPR art. 17, ticket 4711',
    description: 'Why, for the audit. It is kept in clear text: name no personal data here',
  })
  @IsString()
  @Length(1, MAX_ERASURE_REASON)
  @Matches(/\S/, { message: 'reason must say why, not be blank' })
  reason!: string;
}

export class ClientErasureResponseDto {
  @ApiProperty({ example: 'client-client-42' }) streamId!: string;
  @ApiProperty({ example: '0', description: "The client stream's revision; -1 before any erasure was recorded" }) revision!: string;
  @ApiProperty({ nullable: true, type: String, example: '1234' }) position!: string | null;
  @ApiProperty({ example: ['ClientDataErased'] }) eventTypes!: string[];
  @ApiProperty() duplicate!: boolean;
  @ApiProperty({ description: 'True when the client was erased already and has had no new data since: nothing was done now' })
  alreadyErased!: boolean;
  @ApiProperty({ description: 'The client\'s dialogs whose personal fields now read "[erased]"', type: [String] }) dialogIds!: string[];
}
