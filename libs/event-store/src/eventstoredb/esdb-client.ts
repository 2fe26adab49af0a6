// The one place that names the client package: its successor, @kurrent/kurrentdb-client, has
// the same API, so moving to it is this file's import line.
export {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient as Client,
  eventTypeFilter,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  streamNameFilter,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
export type { AllStreamResolvedEvent, Filter, ResolvedEvent } from '@eventstore/db-client';
