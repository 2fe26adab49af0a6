/** A whole CSV text as records of fields (null: an empty unquoted field), for checking exports. */
export function parseCsv(text: string): (string | null)[][] {
  const records: (string | null)[][] = [];
  let record: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let field: string | null;
    if (text[i] === '"') {
      field = '';
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) throw new Error('unterminated quote');
        field += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      const stop = end === -1 ? text.length : i + end;
      field = stop === i ? null : text.slice(i, stop);
      i = stop;
    }
    record.push(field);
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (text[i] === ',') i++;
    else if (i < text.length) throw new Error(`unexpected ${text[i]} at ${i}`);
  }
  if (record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

/** CSV records as objects by header, for comparing with rows. */
export function csvObjects(text: string): { header: string[]; rows: Record<string, string | null>[] } {
  const [header, ...records] = parseCsv(text);
  const names = header.map((name) => name ?? '');
  return { header: names, rows: records.map((record) => Object.fromEntries(names.map((name, i) => [name, record[i]]))) };
}
