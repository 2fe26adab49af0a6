import type { Pool, QueryResultRow } from 'pg';

/**
 * What a query needs of the database: one parameterised statement at a time. The API hands in
 * TypeORM's DataSource, the tests a pg Pool; neither leaks into the queries.
 */
export interface ReadDatabase {
  query<Row extends object>(sql: string, params: readonly unknown[]): Promise<Row[]>;
}

/** A pg pool as a ReadDatabase: how the CLIs, the benchmarks and the tests hand one in. */
export const readDatabaseOf = (pool: Pick<Pool, 'query'>): ReadDatabase => ({
  query: async <Row extends object>(sql: string, params: readonly unknown[]) => (await pool.query<Row & QueryResultRow>(sql, [...params])).rows,
});

/** Collects bind parameters while a statement is composed, answering each one's placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast === undefined ? `$${this.values.length}` : `$${this.values.length}::${cast}`;
  }
}
