import { Body, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ProblemError } from '../errors/problem';
import { ProblemDto } from '../errors/problem.dto';
import { EmptyBodyDto } from '../validation/empty-body.dto';
import { FreshReadQueryDto } from './dto/fresh-read-query.dto';
import { ProjectionParams } from './dto/projection-params.dto';
import { QueryController } from './query-controller.decorator';
import { READ_DATABASE } from './read-database.provider';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';
import { ProjectionStatusHandler, skipFailedEvent, type ProjectionStatusView, type ReadDatabase } from '@switchboard/read-models/queries';

@QueryController('projections', 'operations')
export class ProjectionsController {
  constructor(
    private readonly status: ProjectionStatusHandler,
    @Inject(READ_DATABASE) private readonly db: ReadDatabase,
  ) {}

  @Get()
  @ReadsFrom('dialogList', 'dialogMessages', 'assignmentAudit')
  @ApiOperation({ summary: "Each projection's position, lag behind the log (events, capped, and the oldest one's age) and state" })
  @ApiOkResponse({ description: '{ items: [{ name, position, status, lag, failure, updatedAt }] }' })
  async listProjections(@Query() _query: FreshReadQueryDto): Promise<{ items: readonly ProjectionStatusView[] }> {
    return { items: await this.status.execute() };
  }

  /**
   * The runner of a failed projection has stopped; after the skip it must be started again to
   * resume after the skipped event. The skip is announced on PROJECTION_SKIPPED_CHANNEL for
   * the projector to do so; a projector that does not listen picks it up when it restarts.
   */
  @Post(':name/skip')
  @HttpCode(200)
  @ApiOperation({ summary: "Skip a failed projection's failed event; the projector resumes after it" })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No projection of that name' })
  @ApiConflictResponse({ type: ProblemDto, description: 'The projection has not failed' })
  async skip(@Param() { name }: ProjectionParams, @Body() _body: EmptyBodyDto): Promise<ProjectionStatusView> {
    const outcome = await skipFailedEvent(this.db, name);
    if (outcome === 'not_found') throw new ProblemError(404, 'projection_not_found', `No projection named ${name}`);
    if (outcome === 'not_failed') throw new ProblemError(409, 'projection_not_failed', `Projection ${name} has no failed event to skip`);
    const after = (await this.status.execute()).find((projection) => projection.name === name);
    if (after === undefined) throw new Error(`projection ${name} vanished after its skip`);
    return after;
  }
}
