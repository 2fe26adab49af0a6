import { csvColumnsNamed } from '@switchboard/platform';
import { SqlParams, type ReadDatabase } from '../shared/read-database';
import { timeRangeConditions } from '../shared/time-range';
import { ExportResumeError, timeColumnOf, type TableExport, type TableExportOptions, type WrittenRecord } from './table-export';

export type TableRow = Readonly<Record<string, unknown>>;

export type KeysetTableSpec = Readonly<{
  name: string;
  /** Qualified, e.g. read_models.dialog_list (a table or a view of the same columns). */
  table: string;
  /** Exported columns, in CSV order: each a column name or `expression AS name`. */
  select: readonly (string | readonly [name: string, expression: string])[];
  timeColumns: readonly string[];
  /** The stable order: unique together, never changed once a row exists. */
  orderBy: readonly Readonly<{ column: string; type: string }>[];
  /** Exported columns that find a written row again, to resume after it. */
  identity: readonly Readonly<{ column: string; type: string }>[];
}>;

type KeyedRow = TableRow & { readonly export_key: readonly string[] };

/**
 * Pages a read model by keyset on `orderBy`: each page is one indexed range read starting after
 * the previous page's last key, so the thousandth page costs what the first does.
 */
export function keysetTableExport(db: ReadDatabase, spec: KeysetTableSpec): TableExport<TableRow> {
  const names = spec.select.map((item) => (typeof item === 'string' ? item : item[0]));
  const selectList = spec.select.map((item) => (typeof item === 'string' ? item : `${item[1]} AS ${item[0]}`)).join(', ');
  const keyList = spec.orderBy.map((key) => key.column).join(', ');
  const keyText = `ARRAY[${spec.orderBy.map((key) => `${key.column}::text`).join(', ')}]`;

  const where = (options: Pick<TableExportOptions, 'range' | 'timeColumn'>, params: SqlParams, after?: readonly string[]) => {
    const conditions = timeRangeConditions(timeColumnOf(spec.timeColumns, options.timeColumn), options.range, params);
    if (after !== undefined) {
      conditions.push(`(${keyList}) > (${spec.orderBy.map((key, i) => params.add(after[i], key.type)).join(', ')})`);
    }
    return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  };

  async function keyOf(record: WrittenRecord): Promise<readonly string[]> {
    const params = new SqlParams();
    const match = spec.identity.map((id) => {
      const value = record[id.column];
      if (value === undefined || value === null) throw new ExportResumeError(`the last written row has no ${id.column}`);
      return `${id.column} = ${params.add(value, id.type)}`;
    });
    const rows = await db.query<{ export_key: string[] }>(`SELECT ${keyText} AS export_key FROM ${spec.table} WHERE ${match.join(' AND ')}`, params.values);
    if (rows.length === 0) {
      const id = spec.identity.map((i) => `${i.column} ${record[i.column]}`).join(', ');
      throw new ExportResumeError(`the last written row (${id}) is no longer in ${spec.table} (its line deleted?); start the export again`);
    }
    return rows[0].export_key;
  }

  return {
    name: spec.name,
    columns: csvColumnsNamed<TableRow>(names),
    timeColumns: spec.timeColumns,
    async count(options) {
      const params = new SqlParams();
      const rows = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${spec.table} ${where(options, params)}`, params.values);
      return Number(rows[0].n);
    },
    async *pages(options) {
      let after = options.after === undefined ? undefined : await keyOf(options.after);
      for (;;) {
        const params = new SqlParams();
        const rows = await db.query<KeyedRow>(
          `SELECT ${selectList}, ${keyText} AS export_key FROM ${spec.table} ${where(options, params, after)}
            ORDER BY ${keyList} LIMIT ${params.add(options.pageSize, 'integer')}`,
          params.values,
        );
        if (rows.length === 0) return;
        after = rows[rows.length - 1].export_key;
        yield rows;
        if (rows.length < options.pageSize) return;
      }
    },
  };
}
