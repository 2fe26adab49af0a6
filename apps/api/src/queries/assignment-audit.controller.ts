import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AssignmentAuditQueryDto } from './dto/assignment-audit-query.dto';
import { timeRangeOf } from './list-dialogs.mapping';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';
import { decodeAssignmentAuditCursor, ListAssignmentAuditHandler, PAGE_LIMITS, type AssignmentAuditView, type Page } from '@switchboard/read-models/queries';
import { ReadableBy } from './readers/readable-by.decorator';

@QueryController('audit', 'audit')
export class AssignmentAuditController {
  constructor(private readonly audit: ListAssignmentAuditHandler) {}

  @Get('assignments')
  @ReadableBy('auditor', 'supervisor', 'admin')
  @ReadsFrom('assignmentAudit')
  @ApiOperation({ summary: 'Who assigned or unassigned which dialog, from whom to whom, why, when, on which request' })
  @ApiOkResponse({ description: '{ items: [entry], nextCursor: string | null }, newest first unless order=asc' })
  async listAssignments(@Query() query: AssignmentAuditQueryDto): Promise<Page<AssignmentAuditView>> {
    return this.audit.execute({
      dialogId: query.dialogId,
      operatorId: query.operatorId,
      actorId: query.actorId,
      correlationId: query.correlationId,
      occurred: timeRangeOf(query.from, query.to),
      order: query.order ?? 'desc',
      limit: query.limit ?? PAGE_LIMITS.default,
      cursor: query.cursor === undefined ? undefined : decodeAssignmentAuditCursor(query.cursor),
    });
  }
}
