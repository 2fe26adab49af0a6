import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { savedReplyScopes, type SavedReplyScope } from '@switchboard/dialogs';
import { SavedReplyContentDto } from './saved-reply-content.dto';

export class CreateSavedReplyDto extends SavedReplyContentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the caller; otherwise named from the Idempotency-Key, or new' })
  @IsOptional()
  @IsUUID('all', { message: 'savedReplyId must be a UUID' })
  savedReplyId?: string;

  @ApiProperty({ enum: savedReplyScopes, description: 'team: for everyone, kept by supervisors and admins; personal: the caller’s own' })
  @IsIn(savedReplyScopes)
  scope!: SavedReplyScope;
}
