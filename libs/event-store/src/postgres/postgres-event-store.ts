import { Client, DatabaseError, Pool, PoolConfig } from 'pg';
import { EventStoreUnavailableError, IdempotencyConflictError, WrongExpectedRevisionError } from '../event-store.errors';
import {
  AppendResult,
  BatchHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  LogFilter,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { LogNotifier } from './log-notifier';
import { PollingSubscription } from './polling-subscription';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './row-mapping';

/** Positions reserve 20 bits for the index of an event within one transaction. */
export const MAX_EVENTS_PER_APPEND = 100_000;
const UNIQUE_VIOLATION = '23505';
/** Concurrent appends with `any` only collide on the revision; they retry this often. */
const ANY_RETRIES = 20;

interface AppendRow {
  outcome: 'appended' | 'idempotent' | 'idempotency_conflict' | 'wrong_expected_revision';
  stream_revision: string | null;
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
    this.notifier = new LogNotifier(this.pool, () => new Client({ connectionString: options.connectionString }));
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
    const payload = JSON.stringify(events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata ?? {} })));
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await this.query<AppendRow>(
          'SELECT * FROM event_store.append_events($1, $2, $3::uuid[], $4::jsonb)',
          [streamId, String(expectedRevision), ids, payload],
        );
        return this.appendOutcome(rows[0], streamId, ids, expectedRevision);
      } catch (error) {
        // A concurrent writer took the revision (or the ids) first. Running the call again sees
        // its commit: an exact expectation then fails, a retry of the same ids is idempotent.
        const collided = error instanceof DatabaseError && error.code === UNIQUE_VIOLATION;
        if (!collided || attempt >= ANY_RETRIES) throw error;
      }
    }
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
    const params: unknown[] = [(options.after ?? -1n).toString(), options.maxCount ?? 1000];
    const conditions = this.filterConditions(options.filter, params);
    const { rows } = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events
        WHERE position > $1 AND position < event_store.position_horizon() ${conditions}
        ORDER BY position LIMIT $2`,
      params,
    );
    return rows.map(toRecordedEvent);
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
      (after) => this.readAll({ after, maxCount, filter: options.filter }),
      handler,
      (wake) => this.notifier.onAppended(wake),
      { after: options.after, onReadError: this.options.onError },
    );
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1 FROM event_store.events LIMIT 1');
  }

  async close(): Promise<void> {
    await this.notifier.close();
    await this.pool.end();
  }

  private appendOutcome(
    row: AppendRow,
    streamId: string,
    ids: string[],
    expected: ExpectedRevision,
  ): AppendResult {
    switch (row.outcome) {
      case 'appended':
        this.notifier.appended();
        return { nextRevision: BigInt(row.stream_revision!), position: BigInt(row.last_position!) };
      case 'idempotent':
        return { nextRevision: BigInt(row.stream_revision!), position: BigInt(row.last_position!) };
      case 'idempotency_conflict':
        throw new IdempotencyConflictError(streamId, ids);
      case 'wrong_expected_revision': {
        const actual = BigInt(row.stream_revision!);
        throw new WrongExpectedRevisionError(streamId, expected, actual < 0n ? 'no_stream' : actual);
      }
      default: {
        const never: never = row.outcome;
        throw new Error(`unknown append outcome ${String(never)}`);
      }
    }
  }

  private filterConditions(filter: LogFilter | undefined, params: unknown[]): string {
    let sql = '';
    if (filter?.eventTypes?.length) {
      params.push(filter.eventTypes);
      sql += ` AND type = ANY($${params.length}::text[])`;
    }
    if (filter?.categories?.length) {
      params.push(filter.categories);
      sql += ` AND category = ANY($${params.length}::text[])`;
    }
    return sql;
  }

  private async query<Row extends object>(sql: string, params: unknown[] = []): Promise<{ rows: Row[] }> {
    try {
      return await this.pool.query<Row>(sql, params);
    } catch (error) {
      if (error instanceof DatabaseError && !isUnavailable(error)) throw error;
      throw new EventStoreUnavailableError('the event store database cannot be reached', error);
    }
  }
}

/** Connection exceptions (08), operator intervention such as shutdown (57), out of resources (53). */
function isUnavailable(error: DatabaseError): boolean {
  return ['08', '57', '53'].some((cls) => error.code?.startsWith(cls));
}
