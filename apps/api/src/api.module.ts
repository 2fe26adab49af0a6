import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { DialogCommandsModule } from '@switchboard/dialog-commands';
import { eventUpcasting, personalDataCatalogue } from '@switchboard/dialogs';
import { EventStoreModule, EventUpcastingModule, PersonalDataModule } from '@switchboard/event-store';
import { AuthModule } from './auth/auth.module';
import { ClientsHttpModule } from './clients/clients-http.module';
import { DialogsHttpModule } from './dialogs/dialogs-http.module';
import { ProblemFilter } from './errors/problem.filter';
import { EventLogHttpModule } from './event-log/event-log-http.module';
import { EventCatalogueHttpModule } from './events/event-catalogue-http.module';
import { HealthController } from './health/health.controller';
import { LinesHttpModule } from './lines/lines-http.module';
import { ObservabilityModule } from './observability/observability.module';
import { OperatorsHttpModule } from './operators/operators-http.module';
import { QueriesHttpModule } from './queries/queries-http.module';
import { RemindersHttpModule } from './reminders/reminders-http.module';
import { SavedRepliesHttpModule } from './saved-replies/saved-replies-http.module';
import { createValidationPipe } from './validation/create-validation-pipe';
import { WebhooksHttpModule } from './webhooks/webhooks-http.module';

/** The HTTP API: controllers and edge concerns only; business rules live in the libraries. */
@Module({
  imports: [
    EventUpcastingModule.register(eventUpcasting),
    PersonalDataModule.register(personalDataCatalogue),
    EventStoreModule,
    CqrsModule.forRoot(),
    DialogCommandsModule,
    AuthModule,
    DialogsHttpModule,
    OperatorsHttpModule,
    LinesHttpModule,
    SavedRepliesHttpModule,
    RemindersHttpModule,
    ClientsHttpModule,
    QueriesHttpModule,
    EventLogHttpModule,
    EventCatalogueHttpModule,
    WebhooksHttpModule,
    ObservabilityModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class ApiModule {}
