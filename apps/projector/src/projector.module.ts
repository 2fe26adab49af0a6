import { Module } from '@nestjs/common';
import { AssignmentsProjection, DialogCommandsModule } from '@switchboard/dialog-commands';
import { EventStoreModule } from '@switchboard/event-store';
import { PROJECTIONS } from '@switchboard/projections';
import { ProjectionHost } from './projection-host';

/** The worker that follows the log: the write side's reactions and the read models. */
@Module({
  imports: [EventStoreModule, DialogCommandsModule],
  providers: [
    {
      provide: PROJECTIONS,
      inject: [AssignmentsProjection],
      useFactory: (...projections: unknown[]) => projections,
    },
    ProjectionHost,
  ],
  exports: [ProjectionHost],
})
export class ProjectorModule {}
