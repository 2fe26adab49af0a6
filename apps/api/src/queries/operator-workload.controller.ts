import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Actor } from '@switchboard/dialogs';
import { CurrentActor } from '../auth/current-actor.decorator';
import { WorkloadQueryDto } from './dto/workload-query.dto';
import { QueryController } from './query-controller.decorator';
import { ReadsFrom } from './read-your-writes/read-your-writes.decorator';
import { OperatorWorkloadHandler, type OperatorWorkload } from '@switchboard/read-models/queries';

@QueryController('operators', 'operators')
export class OperatorWorkloadController {
  constructor(private readonly workload: OperatorWorkloadHandler) {}

  @Get('workload')
  @ReadsFrom('dialogList')
  @ApiOperation({
    summary: 'Open assigned dialogs per operator and detailed status',
    description: 'An operator gets their own row only; other readers a row per operator holding at least one open dialog.',
  })
  @ApiOkResponse({ description: '{ items: [{ operatorId, open, byStatus: { new, queued, in_work, ... } }] }' })
  async operatorWorkload(@Query() query: WorkloadQueryDto, @CurrentActor() actor: Actor): Promise<{ items: readonly OperatorWorkload[] }> {
    return { items: await this.workload.execute({ viewer: actor, lineIds: query.lineId }) };
  }
}
