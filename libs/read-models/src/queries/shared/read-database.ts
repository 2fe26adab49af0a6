/**
 * What a query needs of the database: one parameterised statement at a time. The API hands in
 * TypeORM's DataSource, the tests a pg Pool; neither leaks into the queries.
 */
export interface ReadDatabase {
  query<Row extends object>(sql: string, params: readonly unknown[]): Promise<Row[]>;
}

/** Collects bind parameters while a statement is composed, answering each one's placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast === undefined ? `$${this.values.length}` : `$${this.values.length}::${cast}`;
  }
}
