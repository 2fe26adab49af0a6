import { Module } from '@nestjs/common';
import { AssignmentsProjection, DialogCommandsModule, FinishClosingWhenRatingTimesOut } from '@switchboard/dialog-commands';
import { eventUpcasting } from '@switchboard/dialogs';
import { EventStoreModule, EventUpcastingModule } from '@switchboard/event-store';
import { Projection, PROJECTIONS } from '@switchboard/projections';
import { readModelProjections } from '@switchboard/read-models';
import { ProjectionHost } from './projection-host';
import { WebhookHost, webhooksConfigProvider } from './webhook-host';

/** The worker that follows the log: the write side's reactions and the read models. */
@Module({
  imports: [EventUpcastingModule.register(eventUpcasting), EventStoreModule, DialogCommandsModule],
  providers: [
    {
      provide: PROJECTIONS,
      inject: [AssignmentsProjection],
      // The write side's reaction is a Projection by its shape alone: the compiler checks it here.
      useFactory: (assignments: AssignmentsProjection): Projection[] => [assignments, ...readModelProjections.map((P) => new P())],
    },
    ProjectionHost,
    FinishClosingWhenRatingTimesOut,
    webhooksConfigProvider,
    WebhookHost,
  ],
  exports: [ProjectionHost, WebhookHost],
})
export class ProjectorModule {}
