// The records of the double's log, shared by the log and the rules it applies (appends, the server's own links).

/** One event as the double keeps it: what was proposed plus what the server assigned. */
export interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  /** Commit and prepare position alike: every append commits its own events. */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** 100-ns ticks since the Unix epoch, as the server's `created` metadata carries them. */
  readonly createdTicks: bigint;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export interface StreamState {
  readonly events: readonly StoredEvent[];
  /** The latest event per id: what the server's committed-events cache answers. */
  readonly byId: ReadonlyMap<string, StoredEvent>;
}

export type AppendOutcome =
  | { readonly kind: 'success'; readonly currentRevision?: bigint; readonly position?: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly currentRevision?: bigint };

/** A (commit, prepare) pair as clients send it; compared as a pair, commit first. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}
