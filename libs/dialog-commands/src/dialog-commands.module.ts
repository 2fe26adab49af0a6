import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@switchboard/event-store';
import { APP_CONFIG, type AppConfig } from '@switchboard/platform';
import { EraseClientDataHandler } from './client/erase-client-data.handler';
import { BulkChangeDialogsHandler } from './dialog/bulk-change-dialogs.handler';
import { ChangeDialogHandler } from './dialog/change-dialog.handler';
import { OpenDialogHandler } from './dialog/open-dialog.handler';
import { StreamFacts } from './facts/stream-facts';
import { IdempotencyLedger } from './idempotency/idempotency-ledger';
import { ChangeLineHandler } from './line/change-line.handler';
import { ChangeOperatorHandler } from './operator/change-operator.handler';
import { AssignmentsProjection } from './reactions/assignments.projection';
import { ReminderReactionsProjection } from './reactions/reminder-reactions.projection';
import { ChangeReminderHandler } from './reminder/change-reminder.handler';
import { OperatorLoad } from './routing/operator-load';
import { RouteOnOpen } from './routing/route-on-open';
import { ChangeSavedReplyHandler } from './saved-reply/change-saved-reply.handler';
import { StreamCommandRunner } from './stream/stream-command-runner';
import { STREAM_STATE_CACHE_SIZE, StreamStates } from './stream/stream-states';

/** The write side: command handlers that load a stream, decide and append. */
@Module({
  imports: [CqrsModule, EventStoreModule],
  providers: [
    StreamCommandRunner,
    StreamStates,
    { provide: STREAM_STATE_CACHE_SIZE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.streamStateCacheSize },
    StreamFacts,
    IdempotencyLedger,
    OperatorLoad,
    RouteOnOpen,
    OpenDialogHandler,
    ChangeDialogHandler,
    BulkChangeDialogsHandler,
    ChangeOperatorHandler,
    ChangeLineHandler,
    ChangeSavedReplyHandler,
    ChangeReminderHandler,
    EraseClientDataHandler,
    AssignmentsProjection,
    ReminderReactionsProjection,
  ],
  exports: [StreamCommandRunner, AssignmentsProjection, ReminderReactionsProjection],
})
export class DialogCommandsModule {}
