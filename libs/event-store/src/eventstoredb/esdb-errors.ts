import { EventStoreUnavailableError } from '../event-store.errors';
import { DeadlineExceededError, NotLeaderError, UnavailableError } from './esdb-client';

/**
 * Failures that pass: the node cannot be reached or answer in time (gRPC UNAVAILABLE 14,
 * DEADLINE_EXCEEDED 4), or it is not the leader. On those the client drops its channel and
 * connects again on the next call: to the leader a NotLeader answer named, or through discovery.
 */
export function unavailableOr(error: unknown): unknown {
  if (error instanceof NotLeaderError)
    return new EventStoreUnavailableError(`EventStoreDB node is not the leader (leader: ${error.leader.address}:${error.leader.port})`, error);
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof UnavailableError || error instanceof DeadlineExceededError || code === 14 || code === 4) {
    return new EventStoreUnavailableError('EventStoreDB cannot be reached', error);
  }
  return error;
}
