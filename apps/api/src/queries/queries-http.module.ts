import { Module, type Provider } from '@nestjs/common';
import { EVENT_STORE, EventStore, EventStoreModule, SEALED_EVENT_STORE, STORED_EVENT_STORE } from '@switchboard/event-store';
import { APP_CONFIG, AppConfig } from '@switchboard/platform';
import {
  FirstResponseStatsHandler,
  GetDialogAsOfHandler,
  GetDialogHandler,
  GetDialogHistoryHandler,
  GetDialogMessagesHandler,
  ListAssignmentAuditHandler,
  ListDialogsHandler,
  ListRemindersHandler,
  ListSavedRepliesHandler,
  OperatorWorkloadHandler,
  ProjectionStatusHandler,
  ReadModelFreshness,
  readModelSources,
  ResponseTimeStatsHandler,
  SavedReplyStatsHandler,
  type ReadDatabase,
} from '@switchboard/read-models/queries';
import { AssignmentAuditController } from './assignment-audit.controller';
import { DialogEventsController } from './dialog-events.controller';
import { DialogEventsHandler } from './dialog-events/dialog-events.handler';
import { DialogQueriesController } from './dialog-queries.controller';
import { DialogTimelineController } from './dialog-timeline.controller';
import { FirstResponsesController } from './first-responses.controller';
import { OperatorWorkloadController } from './operator-workload.controller';
import { ProjectionsController } from './projections.controller';
import { READ_DATABASE, readDatabaseProvider } from './read-database.provider';
import { READ_YOUR_WRITES_CONFIG, readYourWritesConfigFrom, type ReadYourWritesConfig } from './read-your-writes/read-your-writes.config';
import { ReadYourWritesInterceptor } from './read-your-writes/read-your-writes.interceptor';
import { ResponseTimesController } from './response-times.controller';
import { RemindersQueryController } from './reminders.controller';
import { SavedRepliesQueryController } from './saved-replies.controller';
import { SavedReplyStatsController } from './saved-reply-stats.controller';

/** Each query handler is a plain class of the read-models library, given the read database. */
const handler = <T>(type: new (db: ReadDatabase) => T): Provider => ({
  provide: type,
  inject: [READ_DATABASE],
  useFactory: (db: ReadDatabase) => new type(db),
});

/** The reads of the API: the dialog list and a dialog's pages, the audit, the stats, the workload, saved replies, reminders, the projections. */
@Module({
  imports: [EventStoreModule],
  controllers: [
    DialogQueriesController,
    DialogTimelineController,
    DialogEventsController,
    AssignmentAuditController,
    ResponseTimesController,
    FirstResponsesController,
    SavedReplyStatsController,
    OperatorWorkloadController,
    SavedRepliesQueryController,
    RemindersQueryController,
    ProjectionsController,
  ],
  providers: [
    readDatabaseProvider,
    { provide: READ_YOUR_WRITES_CONFIG, useFactory: () => readYourWritesConfigFrom(process.env) },
    {
      provide: ReadModelFreshness,
      inject: [READ_DATABASE, READ_YOUR_WRITES_CONFIG, APP_CONFIG, EVENT_STORE],
      // With EventStoreDB the events are not in this database; ask the store what is pending.
      useFactory: (db: ReadDatabase, config: ReadYourWritesConfig, app: AppConfig, store: EventStore) =>
        new ReadModelFreshness(db, config, app.eventStore.kind === 'eventstoredb' ? store : undefined),
    },
    {
      provide: ProjectionStatusHandler,
      inject: [READ_DATABASE],
      useFactory: (db: ReadDatabase) => new ProjectionStatusHandler(db, Object.values(readModelSources)),
    },
    {
      provide: DialogEventsHandler,
      // The audit trail shows the events as written, not as upcast for readers, and verifies the bytes as stored.
      inject: [STORED_EVENT_STORE, READ_DATABASE, SEALED_EVENT_STORE],
      useFactory: (store: EventStore, db: ReadDatabase, sealed: EventStore) => new DialogEventsHandler(store, db, sealed),
    },
    handler(ListDialogsHandler),
    handler(GetDialogHandler),
    {
      provide: GetDialogAsOfHandler,
      inject: [READ_DATABASE, EVENT_STORE],
      // Time travel reads the dialog's own stream, wherever the log lives.
      useFactory: (db: ReadDatabase, store: EventStore) => new GetDialogAsOfHandler(db, store),
    },
    handler(GetDialogMessagesHandler),
    handler(GetDialogHistoryHandler),
    handler(ListAssignmentAuditHandler),
    handler(ResponseTimeStatsHandler),
    handler(FirstResponseStatsHandler),
    handler(SavedReplyStatsHandler),
    handler(OperatorWorkloadHandler),
    handler(ListSavedRepliesHandler),
    handler(ListRemindersHandler),
    ReadYourWritesInterceptor,
  ],
  // The metrics read the same status the operations endpoint answers.
  exports: [ProjectionStatusHandler],
})
export class QueriesHttpModule {}
