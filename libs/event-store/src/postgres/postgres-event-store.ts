import { Client, DatabaseError, Pool, PoolConfig, QueryConfig } from 'pg';
import { EventStoreUnavailableError, IdempotencyConflictError, WrongExpectedRevisionError } from '../event-store.errors';
import {
  AppendResult,
  BatchHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  LogPage,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { isDatabaseUnavailable } from '@switchboard/platform';
import { APPEND_ONE_SQL, APPEND_SQL, FIND_IDS_SQL } from './append.sql';
import { LogNotifier } from './log-notifier';
import { PollingSubscription } from './polling-subscription';
import { logPageOf } from '../log-page';
import { readPageQuery, type PageRow } from './read-page.sql';
import { EventRow, EVENT_COLUMNS, toRecordedEvent } from './row-mapping';

/** Positions reserve 20 bits for the index of an event within one transaction. */
export const MAX_EVENTS_PER_APPEND = 100_000;
const UNIQUE_VIOLATION = '23505';
/** Concurrent appends with `any` only collide on the revision; they retry this often. */
const ANY_RETRIES = 20;

interface AppendRow {
  current_revision: string;
  next_revision: string | null;
  last_position: string | null;
}

interface FoundIdsRow {
  found: string;
  found_here: string;
  next_revision: string | null;
  last_position: string | null;
}

export interface PostgresEventStoreOptions {
  connectionString: string;
  poolSize?: number;
  onError?: (error: unknown) => void;
}

export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly notifier: LogNotifier;

  constructor(private readonly options: PostgresEventStoreOptions) {
    const config: PoolConfig = { connectionString: options.connectionString, max: options.poolSize ?? 10 };
    this.pool = new Pool(config);
    // An idle client that loses its server emits here; without a listener Node would crash.
    this.pool.on('error', (error) => options.onError?.(error));
    this.notifier = new LogNotifier(() => new Client({ connectionString: options.connectionString }));
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    if (events.length > MAX_EVENTS_PER_APPEND) {
      throw new RangeError(`append of ${events.length} events exceeds ${MAX_EVENTS_PER_APPEND}`);
    }
    const ids = events.map((e) => e.id);
    const statement = appendStatement(streamId, expectedRevision, events);
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await this.query<AppendRow>(statement);
        const [row] = rows;
        if (row.last_position !== null) {
          this.notifier.appended();
          return { nextRevision: BigInt(row.next_revision!), position: BigInt(row.last_position), written: true };
        }
        // The expectation failed, unless this is a retry of an append that already succeeded.
        const retried = await this.findRecorded(streamId, ids);
        if (retried) return retried;
        const actual = BigInt(row.current_revision);
        throw new WrongExpectedRevisionError(streamId, expectedRevision, actual < 0n ? 'no_stream' : actual);
      } catch (error) {
        // A concurrent writer took the revision or the ids first. A repeated id is a retry (or
        // a conflict); a taken revision means running the statement again sees that commit:
        // an exact expectation then fails, `any` appends after it.
        if (!(error instanceof DatabaseError) || error.code !== UNIQUE_VIOLATION) throw error;
        if (error.constraint === 'events_event_id') {
          const retried = await this.findRecorded(streamId, ids);
          if (retried) return retried;
        }
        if (attempt >= ANY_RETRIES) throw error;
      }
    }
  }

  /** The result of an earlier append of exactly these ids to this stream, if there was one. */
  private async findRecorded(streamId: string, ids: string[]): Promise<AppendResult | undefined> {
    const { rows } = await this.query<FoundIdsRow>({ name: 'event_store_find_ids', text: FIND_IDS_SQL, values: [streamId, ids] });
    const [row] = rows;
    const found = Number(row.found);
    if (found === 0) return undefined;
    if (found !== ids.length || Number(row.found_here) !== ids.length) throw new IdempotencyConflictError(streamId, ids);
    return { nextRevision: BigInt(row.next_revision!), position: BigInt(row.last_position!), written: false };
  }

  /** A stream is ordered by revision, so it needs no horizon: every committed event shows. */
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const params: unknown[] = [streamId];
    let from = '';
    if (options.fromRevision !== undefined) {
      params.push(options.fromRevision.toString());
      from = `AND stream_revision ${backwards ? '<=' : '>='} $2`;
    }
    params.push(options.maxCount ?? null);
    const { rows } = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events
        WHERE stream_id = $1 ${from}
        ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return (await this.readPage(options)).events;
  }

  /**
   * Reads below the horizon and answers the horizon too, from the same snapshot: an event below
   * it that this read did not see was rolled back or never written, so a short page looked
   * through everything up to it. (Taken by a separate statement, the horizon could be newer
   * than the read's snapshot, and a follower would step over events committed in between.)
   */
  async readPage(options: ReadAllOptions = {}): Promise<LogPage> {
    const maxCount = options.maxCount ?? 1000;
    const { rows } = await this.query<PageRow>(readPageQuery(options.after, maxCount, options.filter));
    const [first] = rows;
    // With no event to read, the one row left-joined to nothing carries only the horizon.
    const events = first.position === null ? [] : (rows as EventRow[]).map(toRecordedEvent);
    return logPageOf(events, { after: options.after, maxCount, seenThrough: BigInt(first.horizon) - 1n });
  }

  async headPosition(): Promise<Position | undefined> {
    const { rows } = await this.query<{ position: string }>(
      `SELECT position FROM event_store.events WHERE position < event_store.position_horizon()
        ORDER BY position DESC LIMIT 1`,
    );
    return rows.length === 0 ? undefined : BigInt(rows[0].position);
  }

  subscribeToAll(handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
    const maxCount = options.batchSize ?? 500;
    return new PollingSubscription(
      (after) => this.readPage({ after, maxCount, filter: options.filter }),
      handler,
      (wake) => this.notifier.onAppended(wake),
      { after: options.after, onReadError: this.options.onError, onProgress: options.onProgress, progressEveryMs: options.progressEveryMs },
    );
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1 FROM event_store.events LIMIT 1');
  }

  async close(): Promise<void> {
    await this.notifier.close();
    await this.pool.end();
  }

  private async query<Row extends object>(sql: string | QueryConfig, params: unknown[] = []): Promise<{ rows: Row[] }> {
    try {
      return typeof sql === 'string' ? await this.pool.query<Row>(sql, params) : await this.pool.query<Row>(sql);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new EventStoreUnavailableError('the event store database cannot be reached', error);
      throw error;
    }
  }
}

function appendStatement(streamId: string, expected: ExpectedRevision, events: readonly EventToAppend[]): QueryConfig {
  const exact = typeof expected === 'bigint';
  const head = [streamId, exact ? 'exact' : expected, exact ? expected.toString() : null];
  if (events.length === 1) {
    const [e] = events;
    const values = [...head, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata ?? {})];
    return { name: 'event_store_append_one', text: APPEND_ONE_SQL, values };
  }
  const payload = JSON.stringify(events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata ?? {} })));
  return { name: 'event_store_append', text: APPEND_SQL, values: [...head, events.map((e) => e.id), payload] };
}
