import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReadDatabase } from '@switchboard/read-models/queries';

export const READ_DATABASE = Symbol('ReadDatabase');

/**
 * The queries' view of TypeORM's DataSource: plain parameterised SQL, rows as pg parses them.
 * Queries only run SELECTs (a write is wrapped in WITH ... SELECT), for which DataSource.query
 * answers the rows themselves.
 */
export const readDatabaseProvider: Provider = {
  provide: READ_DATABASE,
  inject: [DataSource],
  useFactory: (dataSource: DataSource): ReadDatabase => ({
    query: <Row extends object>(sql: string, params: readonly unknown[]): Promise<Row[]> => dataSource.query<Row[]>(sql, [...params]),
  }),
};
