// The one place that names the client package. Its successor, @kurrent/kurrentdb-client, is not a
// drop-in (option and field names, reads without cancel(), protocol classes that clash with these):
// docs/eventstoredb.md says what moving to it takes.
export {
  ANY,
  DeadlineExceededError,
  BACKWARDS,
  END,
  EventStoreDBClient as Client,
  eventTypeFilter,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  streamNameFilter,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
export type { AllStreamResolvedEvent, AllStreamSubscription, Filter, ResolvedEvent } from '@eventstore/db-client';
