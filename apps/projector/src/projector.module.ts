import { Module } from '@nestjs/common';
import {
  AssignmentsProjection,
  DialogCommandsModule,
  FinishClosingWhenRatingTimesOut,
  RecordDueReminders,
  ReminderReactionsProjection,
} from '@switchboard/dialog-commands';
import { eventUpcasting, personalDataCatalogue } from '@switchboard/dialogs';
import { EventStoreModule, EventUpcastingModule, PersonalDataModule } from '@switchboard/event-store';
import { Projection, PROJECTIONS } from '@switchboard/projections';
import { readModelProjections } from '@switchboard/read-models';
import { ProjectionHost } from './projection-host';
import { WebhookHost, webhooksConfigProvider } from './webhook-host';

/** The worker that follows the log: the write side's reactions and the read models. */
@Module({
  imports: [EventUpcastingModule.register(eventUpcasting), PersonalDataModule.register(personalDataCatalogue), EventStoreModule, DialogCommandsModule],
  providers: [
    {
      provide: PROJECTIONS,
      inject: [AssignmentsProjection, ReminderReactionsProjection],
      // The write side's reactions are Projections by their shape alone: the compiler checks it here.
      useFactory: (assignments: AssignmentsProjection, reminders: ReminderReactionsProjection): Projection[] => [
        assignments,
        reminders,
        ...readModelProjections.map((P) => new P()),
      ],
    },
    ProjectionHost,
    FinishClosingWhenRatingTimesOut,
    RecordDueReminders,
    webhooksConfigProvider,
    WebhookHost,
  ],
  exports: [ProjectionHost, WebhookHost],
})
export class ProjectorModule {}
