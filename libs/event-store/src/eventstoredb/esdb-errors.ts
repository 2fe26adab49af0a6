import { EventStoreUnavailableError } from '../event-store.errors';
import { DeadlineExceededError, NotLeaderError, TimeoutError, UnavailableError, UnknownError } from './esdb-client';

/** gRPC codes of failures that pass: UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED (a server's "Operation timed out"). */
const PASSING_CODES = new Set([14, 4, 10]);

/**
 * What a server says on one append of a BatchAppend when it cannot take writes for a moment: the
 * status carries no typed details, so the v6 client reports UnknownError "Could not recognize <message>".
 */
const PASSING_MESSAGES = /Server Is Not Ready|Server Is (Too )?Busy|No leader info available/;

/**
 * Failures that pass, so the edge answers 503 and the caller retries: the node cannot be reached
 * or is not ready (UNAVAILABLE), the call ran out of time on the client (DEADLINE_EXCEEDED) or on
 * the server (ABORTED "Operation timed out": a commit that timed out, as during an election), or
 * the node is not the leader, not ready or too busy. On UNAVAILABLE and NotLeader the client drops its channel and
 * connects again on the next call: to the leader a NotLeader answer named, or through discovery.
 * A timed-out append may have been written; the retry carries the same event ids, so the server
 * deduplicates it.
 */
export function unavailableOr(error: unknown): unknown {
  if (error instanceof NotLeaderError)
    return new EventStoreUnavailableError(`EventStoreDB node is not the leader (leader: ${error.leader.address}:${error.leader.port})`, error);
  if (error instanceof DeadlineExceededError || error instanceof TimeoutError) {
    return new EventStoreUnavailableError('EventStoreDB did not answer in time', error);
  }
  const code = (error as { code?: unknown } | null)?.code;
  const passing = (typeof code === 'number' && PASSING_CODES.has(code)) || (error instanceof UnknownError && PASSING_MESSAGES.test(error.message));
  if (error instanceof UnavailableError || passing) {
    return new EventStoreUnavailableError('EventStoreDB cannot be reached', error);
  }
  return error;
}
