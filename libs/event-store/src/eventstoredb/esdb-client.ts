// The one place that names the client package: its successor, @kurrent/kurrentdb-client, has
// the same API, so moving to it is this file's import line.
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
