import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { FreshReadQueryDto } from './fresh-read-query.dto';
import { IsInstant } from './query-string.validators';

/** GET /dialogs/{id}: the dialog now, or as it stood at `asOf`. */
export class DialogQueryDto extends FreshReadQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2024-03-01T09:30:00Z',
    description:
      'Time travel: the dialog as it stood at this instant (included; or a UTC date, its midnight), folded from its events by their occurredAt. ' +
      'An instant in the future answers the dialog as it is now; one before the dialog was opened answers 404 dialog_not_opened_yet.',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}
