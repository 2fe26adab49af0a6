import { prepared, type ProjectionTransaction } from '@switchboard/projections';

// A JSON array read into an array column becomes a PostgreSQL array.
export type SqlType = 'text' | 'text[]' | 'uuid' | 'bigint' | 'integer' | 'smallint' | 'boolean' | 'timestamptz' | 'jsonb';

/**
 * A column of a table's one description: name, type, constraint, and whether readers see it
 * (`shown`), only its projection reads it (`state`), or it is a search vector (`search`).
 */
export type TableColumn = readonly [name: string, type: SqlType | 'tsvector', constraint: string, role: 'shown' | 'state' | 'search'];

/** True when two key sets are the same: a row type checked against its table's description. */
export type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compiles only when given true: `Assert<SameKeys<...>>` stops the build when a row type drifts. */
export type Assert<T extends true> = T;

/** A column written from rows: its name (also the row's key) and SQL type. */
export type Column<Row> = readonly [name: keyof Row & string, type: SqlType];

/**
 * Rows travel as one JSON array of objects, one parameter, serialised by the native
 * JSON.stringify and read by json_to_recordset into typed rows: one statement per table and
 * batch, whatever the number of rows, with no limit of bind parameters. Measured against
 * sending each column as its own JSON array and unpacking it by subquery (one ordered subquery
 * per column), a 37-column upsert of 6 rows took a tenth of the server's time.
 */
export function rowsFromJson<Row>(columns: readonly Column<Row>[], parameter = 1): string {
  return `json_to_recordset($${parameter}::json) AS r(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`;
}

/**
 * The parameter rowsFromJson reads. Rows are typed with exactly their table's columns, so they
 * go as they are: json_to_recordset reads the columns it names and would ignore anything else.
 */
export function jsonRows<Row>(rows: readonly Row[]): string {
  return JSON.stringify(rows);
}

export const columnNames = <Row>(columns: readonly Column<Row>[], prefix = ''): string => columns.map(([name]) => `${prefix}${name}`).join(', ');

/**
 * Appends rows that are facts of the log: a row already there (a batch applied again) is the same
 * fact, so it is left alone.
 */
export async function insertFacts<Row>(tx: ProjectionTransaction, table: string, columns: readonly Column<Row>[], rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    prepared(`INSERT INTO ${table} (${columnNames(columns)})
     SELECT ${columnNames(columns, 'r.')} FROM ${rowsFromJson(columns)}
     ON CONFLICT DO NOTHING`),
    [jsonRows(rows)],
  );
}

/** Removes a table's rows of the given dialogs (their line was deleted). */
export async function deleteRowsOfDialogs(tx: ProjectionTransaction, table: string, dialogIds: readonly string[]): Promise<void> {
  await tx.query(`DELETE FROM ${table} WHERE dialog_id = ANY($1::text[])`, [dialogIds]);
}
