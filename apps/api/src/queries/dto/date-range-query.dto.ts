import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { LimitQueryDto } from './page-query.dto';
import { IsInstant, NotBefore } from './query-string.validators';

const from = (of: string) => ({ format: 'date-time', description: `${of} at or after this instant (or UTC date)` });
const to = (of: string) => ({ format: 'date-time', description: `${of} before this instant (or UTC date); not included` });

/** The dialog list's three date ranges, half-open: `from` included, `to` not. */
export class DateRangeQueryDto extends LimitQueryDto {
  @ApiPropertyOptional(from('Created'))
  @IsOptional()
  @IsInstant()
  createdFrom?: string;

  @ApiPropertyOptional(to('Created'))
  @IsOptional()
  @IsInstant()
  @NotBefore('createdFrom')
  createdTo?: string;

  @ApiPropertyOptional(from('Last changed'))
  @IsOptional()
  @IsInstant()
  lastChangedFrom?: string;

  @ApiPropertyOptional(to('Last changed'))
  @IsOptional()
  @IsInstant()
  @NotBefore('lastChangedFrom')
  lastChangedTo?: string;

  @ApiPropertyOptional(from('Closed'))
  @IsOptional()
  @IsInstant()
  closedFrom?: string;

  @ApiPropertyOptional(to('Closed'))
  @IsOptional()
  @IsInstant()
  @NotBefore('closedFrom')
  closedTo?: string;
}
