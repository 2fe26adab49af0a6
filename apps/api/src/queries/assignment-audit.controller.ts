import { Get, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Request } from 'express';
import { AssignmentAuditQueryDto } from './dto/assignment-audit-query.dto';
import { csvDownload, wantsCsv } from './csv-download';
import { timeRangeOf } from './list-dialogs.mapping';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';
import {
  assignmentAuditCsvColumns,
  assignmentAuditPages,
  decodeAssignmentAuditCursor,
  ListAssignmentAuditHandler,
  PAGE_LIMITS,
  type AssignmentAuditView,
  type ListAssignmentAuditQuery,
  type Page,
} from '@switchboard/read-models/queries';

@QueryController('audit', 'audit')
export class AssignmentAuditController {
  constructor(private readonly audit: ListAssignmentAuditHandler) {}

  @Get('assignments')
  @ReadsFrom('assignmentAudit')
  @ApiOperation({ summary: 'Who assigned or unassigned which dialog, from whom to whom, why, when, on which request' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '{ items: [entry], nextCursor: string | null }, newest first unless order=asc; or, as text/csv, every entry for the filters' })
  async listAssignments(@Query() dto: AssignmentAuditQueryDto, @Req() request: Request): Promise<Page<AssignmentAuditView> | StreamableFile> {
    const query: ListAssignmentAuditQuery = {
      dialogId: dto.dialogId,
      operatorId: dto.operatorId,
      actorId: dto.actorId,
      correlationId: dto.correlationId,
      occurred: timeRangeOf(dto.from, dto.to),
      order: dto.order ?? 'desc',
      limit: dto.limit ?? PAGE_LIMITS.default,
      cursor: dto.cursor === undefined ? undefined : decodeAssignmentAuditCursor(dto.cursor),
    };
    if (!wantsCsv(dto.format, request)) return this.audit.execute(query);
    const pages = assignmentAuditPages(this.audit, { ...query, limit: dto.limit ?? PAGE_LIMITS.max });
    return csvDownload(assignmentAuditCsvColumns, pages, 'assignment-audit.csv');
  }
}
