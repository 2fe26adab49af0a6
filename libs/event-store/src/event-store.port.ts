/**
 * The event-store port. Its semantics follow EventStoreDB so that the PostgreSQL adapter (the
 * embedded default) and the EventStoreDB adapter (production) are interchangeable.
 */

/** Position of an event in the whole log. Monotonic in log order; not dense. */
export type Position = bigint;

/** Revision of an event within its stream, counted from 0. */
export type StreamRevision = bigint;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const ANY = 'any' as const;
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;

export type ExpectedRevision = typeof ANY | typeof NO_STREAM | typeof STREAM_EXISTS | StreamRevision;

export interface EventToAppend {
  /** UUID; retrying an append with the same ids records nothing twice. */
  id: string;
  type: string;
  data: JsonObject;
  metadata?: JsonObject;
}

export interface RecordedEvent {
  id: string;
  type: string;
  streamId: string;
  revision: StreamRevision;
  position: Position;
  data: JsonObject;
  metadata: JsonObject;
  recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event written (or found, for an idempotent retry). */
  nextRevision: StreamRevision;
  /** Global position of the last event written. */
  position: Position;
  /**
   * True when this call wrote the events, false when it found an earlier append of the same ids
   * (a retry, whose stored content may differ); absent when the adapter cannot tell.
   */
  written?: boolean;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: StreamRevision;
  maxCount?: number;
}

export interface LogFilter {
  eventTypes?: readonly string[];
  /** Stream categories: the part of the stream id before the first '-', e.g. `dialog`. */
  categories?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to read from the start. */
  after?: Position;
  maxCount?: number;
  filter?: LogFilter;
}

/**
 * A read of the log and how far it looked. Every event after the read's `after`, up to and
 * including `lookedThrough`, that the filter takes is in `events`; so a reader resumes after
 * `lookedThrough`, and a filter that matched nothing does not send it through the same events
 * again. A full page looked through its last event only; a short one may look past it, as far
 * as the store could see when it read (never past a position where an event may still appear).
 * Absent when the read got no further than `after`.
 */
export interface LogPage {
  events: RecordedEvent[];
  lookedThrough?: Position;
}

export interface SubscribeOptions {
  /** Exclusive: the last position the subscriber processed. Omit to start from the beginning. */
  after?: Position;
  filter?: LogFilter;
  /** How many events one handler call may receive. */
  batchSize?: number;
  /**
   * Told how far the subscription has looked through the log past the last batch it handed
   * over, having found nothing more the filter takes: an owner that moves its checkpoint there
   * resumes past the events it skipped instead of reading them again. Called between batches
   * (the subscription waits for it, as for the handler; a rejection ends the subscription), at
   * most once per `progressEveryMs` and not at all within that time of a batch, so an idle
   * follower does not write its checkpoint on every poll. An adapter that cannot tell never calls it.
   */
  onProgress?: (lookedThrough: Position) => Promise<void>;
  /** Default 10,000 ms. */
  progressEveryMs?: number;
}

/**
 * The handler gets events in position order, a batch at a time. The subscription waits for the
 * returned promise before reading on, so a handler that stores its checkpoint with its writes
 * can resume exactly where it stopped.
 */
export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface Subscription {
  /** Resolves when the subscription stops: after `stop()`, or rejects if the handler failed. */
  readonly done: Promise<void>;
  /** True once the subscription has read everything that was in the log when it caught up. */
  readonly isLive: boolean;
  stop(): Promise<void>;
}

export interface EventStore {
  appendToStream(streamId: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The same read, saying how far it looked: a follower resumes from there. */
  readPage(options?: ReadAllOptions): Promise<LogPage>;
  /** The position of the last event readers can see now, or undefined for an empty log. */
  headPosition(): Promise<Position | undefined>;
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription;
  /** Answers if the store can be reached; throws otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
/**
 * The same store with the events as written (no upcasting; personal fields opened or erased):
 * for the audit trail.
 */
export const STORED_EVENT_STORE = Symbol('StoredEventStore');
/** The events exactly as stored, personal fields sealed: for the hash chain's verification, which must see the bytes that were hashed. */
export const SEALED_EVENT_STORE = Symbol('SealedEventStore');

export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}
