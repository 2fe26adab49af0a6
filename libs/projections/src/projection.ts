import type { LogFilter, RecordedEvent } from '@switchboard/event-store';
import type { PreparedStatement } from './prepared-statement';

/** The part of a database transaction a projection writes through. */
export interface ProjectionTransaction {
  query<Row = Record<string, unknown>>(sql: string | PreparedStatement, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number | null }>;
}

/**
 * A read model (or a reaction) fed from the log. `handle` receives every event matching the
 * filter, in log order, a batch at a time, inside the transaction that also moves the
 * checkpoint: it must accept every recorded fact, and write set-based where it can.
 */
export interface Projection {
  readonly name: string;
  readonly filter?: LogFilter;
  handle(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void>;
  /** Empties the projection's tables for a rebuild, in the transaction that resets its checkpoint. */
  reset?(tx: ProjectionTransaction): Promise<void>;
}

export const PROJECTIONS = Symbol('Projections');
