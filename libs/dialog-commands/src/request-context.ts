import type { Actor } from '@switchboard/dialogs';

/** Who asks and on whose behalf: built at the edge from authentication and headers. */
export interface RequestContext {
  /** From authentication, never from a request body. */
  readonly actor: Actor;
  /** From `X-Correlation-Id`, or new per request. */
  readonly correlationId: string;
  /** The event or request that caused this command, when a reaction issues it. */
  readonly causationId?: string;
  /** From `Idempotency-Key`: a retried request with the same key records nothing twice. */
  readonly idempotencyKey?: string;
  /** Only service principals may set it (a channel's own timestamp); otherwise now. */
  readonly occurredAt?: Date;
  /** From `If-Match`: decide only against this exact revision, without retrying. */
  readonly expectedRevision?: bigint;
}

/** What every command answers: where its events were written. */
export interface CommandResult {
  readonly streamId: string;
  /** Revision of the stream after the command (unchanged when it recorded nothing). */
  readonly revision: bigint;
  /** Global position of the last event written; use it as `minPosition` for reads. */
  readonly position: bigint | null;
  readonly eventTypes: readonly string[];
  /** True when an earlier request with the same idempotency key already did the work. */
  readonly duplicate: boolean;
}
