import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsEntityId } from '../../validation/entity-id.validator';
import { decodeAssignmentAuditCursor, sortOrders, type SortOrder } from '@switchboard/read-models/queries';
import { csvFormats, type ResponseFormat } from '../csv-download';
import { LimitQueryDto } from './page-query.dto';
import { IsCursor } from './query-string.validators';
import { TimeRangeQueryDto } from './time-range-query.dto';

// As the correlation-id middleware accepts them.
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function cursorFits(raw: string, dto: object): boolean {
  const cursor = decodeAssignmentAuditCursor(raw);
  return cursor !== undefined && cursor.order === ((dto as AssignmentAuditQueryDto).order ?? 'desc');
}

/** GET /audit/assignments: every filter narrows; `from`/`to` bound when it happened. */
export class AssignmentAuditQueryDto extends IntersectionType(TimeRangeQueryDto, LimitQueryDto) {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'dialogId must be a UUID' })
  dialogId?: string;

  @ApiPropertyOptional({ description: 'The operator who lost or got the dialog' })
  @IsOptional()
  @IsEntityId()
  operatorId?: string;

  @ApiPropertyOptional({ description: 'Who did it: a principal id, or routing / operator-removal for the system' })
  @IsOptional()
  @IsEntityId()
  actorId?: string;

  @ApiPropertyOptional({ description: 'Everything one request caused' })
  @IsOptional()
  @Matches(CORRELATION_ID, { message: 'correlationId must be 1-128 characters of A-Z, a-z, 0-9, ".", "_", ":" or "-"' })
  correlationId?: string;

  @ApiPropertyOptional({ enum: sortOrders, default: 'desc', description: 'By time, then log position' })
  @IsOptional()
  @IsIn(sortOrders, { message: 'order must be asc or desc' })
  order?: SortOrder;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same order' })
  @IsOptional()
  @IsCursor(cursorFits, 'must be the nextCursor of a previous page with the same order, unchanged')
  cursor?: string;

  @ApiPropertyOptional({
    enum: csvFormats,
    description: 'csv: every page for the filters as one CSV download (as Accept: text/csv); limit is then the page size read at a time',
  })
  @IsOptional()
  @IsIn(csvFormats, { message: 'format must be json or csv' })
  format?: ResponseFormat;
}
