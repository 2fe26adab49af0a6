import type { ProjectionTransaction } from '@switchboard/projections';

export type SqlType = 'text' | 'uuid' | 'bigint' | 'integer' | 'smallint' | 'boolean' | 'timestamptz' | 'jsonb';

/** A column written from rows: its name (also the row's key) and SQL type. */
export type Column<Row> = readonly [name: keyof Row & string, type: SqlType];

/**
 * Rows travel column by column, each column one JSON array parameter: about half the bytes of
 * an array of objects (no repeated keys), serialised by the native JSON.stringify, and turned
 * back into typed arrays that unnest zips into rows. One statement per table and batch, whatever
 * the number of rows, with no limit of bind parameters.
 */
export function unnestColumns<Row>(columns: readonly Column<Row>[], firstParameter = 1): string {
  const arrays = columns.map(([, type], index) => {
    const parameter = `$${firstParameter + index}::json`;
    // JSON null inside an array is a json value, not SQL NULL; nullif makes it one.
    return type === 'jsonb'
      ? `ARRAY(SELECT nullif(e::jsonb, 'null') FROM json_array_elements(${parameter}) WITH ORDINALITY AS a(e, i) ORDER BY i)`
      : `ARRAY(SELECT e FROM json_array_elements_text(${parameter}) WITH ORDINALITY AS a(e, i) ORDER BY i)::${type}[]`;
  });
  return `unnest(${arrays.join(', ')}) AS r(${columns.map(([name]) => name).join(', ')})`;
}

export function columnParameters<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string[] {
  return columns.map(([name]) => JSON.stringify(rows.map((row) => row[name])));
}

export const columnNames = <Row>(columns: readonly Column<Row>[], prefix = ''): string => columns.map(([name]) => `${prefix}${name}`).join(', ');

/**
 * Appends rows that are facts of the log: a row already there (a batch applied again) is the same
 * fact, so it is left alone.
 */
export async function insertFacts<Row>(tx: ProjectionTransaction, table: string, columns: readonly Column<Row>[], rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} (${columnNames(columns)})
     SELECT ${columnNames(columns, 'r.')} FROM ${unnestColumns(columns)}
     ON CONFLICT DO NOTHING`,
    columnParameters(columns, rows),
  );
}

/** Removes a table's rows of the given dialogs (their line was deleted). */
export async function deleteRowsOfDialogs(tx: ProjectionTransaction, table: string, dialogIds: readonly string[]): Promise<void> {
  await tx.query(`DELETE FROM ${table} WHERE dialog_id = ANY($1::text[])`, [dialogIds]);
}
