/**
 * CSV as RFC 4180 writes it: CRLF after every record, a field quoted when it holds a comma, a
 * quote, CR or LF, quotes doubled inside. Conventions where the RFC is silent, so analysts can
 * read every value back: null is an empty field and an empty string is `""`; timestamps are ISO
 * 8601 in UTC; arrays and objects are their JSON text; booleans `true`/`false`.
 */
export type CsvValue = string | number | bigint | boolean | Date | null | undefined | readonly unknown[] | object;

/** One column of a CSV: its header and how a row gives its value. */
export interface CsvColumn<Row> {
  readonly name: string;
  value(row: Row): CsvValue;
}

export const CSV_RECORD_END = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value === '' ? '""' : quoted(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return quoted(JSON.stringify(value));
}

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = <Row>(columns: readonly CsvColumn<Row>[]): string => columns.map((column) => quoted(column.name)).join(',') + CSV_RECORD_END;

export const csvRecord = <Row>(columns: readonly CsvColumn<Row>[], row: Row): string =>
  columns.map((column) => csvField(column.value(row))).join(',') + CSV_RECORD_END;

/** Columns that are a row's own properties of the same names, e.g. rows of a SELECT. */
export const csvColumnsNamed = <Row extends Readonly<Record<string, unknown>>>(names: readonly string[]): CsvColumn<Row>[] =>
  names.map((name) => ({ name, value: (row: Row) => row[name] as CsvValue }));

/**
 * Splits one complete record (with or without its CRLF) back into fields; `null` for an empty
 * unquoted field. For reading back the last record of an export, not a general CSV reader.
 */
export function parseCsvRecord(text: string): (string | null)[] {
  const record = text.endsWith(CSV_RECORD_END) ? text.slice(0, -CSV_RECORD_END.length) : text;
  const fields: (string | null)[] = [];
  let i = 0;
  for (;;) {
    if (record[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = record.indexOf('"', i);
        if (close === -1) throw new Error('unterminated quoted CSV field');
        value += record.slice(i, close);
        if (record[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = record.indexOf(',', i);
      const end = comma === -1 ? record.length : comma;
      fields.push(end === i ? null : record.slice(i, end));
      i = end;
    }
    if (i >= record.length) return fields;
    if (record[i] !== ',') throw new Error(`unexpected ${JSON.stringify(record[i])} after a CSV field`);
    i++;
  }
}
