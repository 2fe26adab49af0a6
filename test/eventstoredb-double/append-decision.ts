import type { StoredEvent, StreamState } from './log-records';

/** What the client asked the stream to be at: a revision, or one of the three stream states. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type AppendDecision =
  | { readonly kind: 'append' }
  /** Every proposed event is already there: a retry, answered with the original write. */
  | { readonly kind: 'idempotent'; readonly last: StoredEvent }
  | { readonly kind: 'wrong_expected_version' };

/**
 * EventStoreDB's concurrency check and its idempotence for retried writes (event ids), as the
 * server's commit check decides them:
 * - no stream: `any` and `no_stream` append; `stream_exists` or a revision is a conflict;
 * - `any` / `stream_exists` on a stream: if the first proposed id is not in the stream, append;
 *   if all are, it is a retry; if only some are, a conflict (the server's "corrupted
 *   idempotency"). The real server looks ids up in a bounded cache, so there this is best effort;
 * - a revision (`no_stream` counts as -1) below the current one: a retry only if the proposed ids
 *   are exactly the events that followed that revision, otherwise a conflict;
 * - a revision above the current one is a conflict, equal to it appends.
 */
export function decideAppend(stream: StreamState, expected: ExpectedRevision, ids: readonly string[]): AppendDecision {
  const current = BigInt(stream.events.length) - 1n;
  if (current < 0n) return expected === 'any' || expected === 'no_stream' ? append : conflict;
  if (expected === 'any' || expected === 'stream_exists') return retryAnywhere(stream, ids);
  const revision = expected === 'no_stream' ? -1n : expected;
  if (revision > current) return conflict;
  if (revision === current) return append;
  return retryAfter(stream, revision, ids);
}

const append: AppendDecision = { kind: 'append' };
const conflict: AppendDecision = { kind: 'wrong_expected_version' };

function retryAnywhere(stream: StreamState, ids: readonly string[]): AppendDecision {
  let last: StoredEvent | undefined;
  for (const [index, id] of ids.entries()) {
    const found = stream.byId.get(id);
    if (!found) return index === 0 ? append : conflict;
    last = found;
  }
  return last ? { kind: 'idempotent', last } : append;
}

function retryAfter(stream: StreamState, revision: bigint, ids: readonly string[]): AppendDecision {
  if (ids.length === 0) return conflict;
  let last: StoredEvent | undefined;
  for (const [offset, id] of ids.entries()) {
    last = stream.events[Number(revision) + 1 + offset];
    if (last?.id !== id) return conflict;
  }
  return last ? { kind: 'idempotent', last } : conflict;
}
