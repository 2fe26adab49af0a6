import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore } from '@switchboard/event-store';
import type { ReadDatabase } from '@switchboard/read-models/queries';
import { allMigrations } from '@switchboard/schema';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { writeHistory } from '../../../../../../bench/history/write-history';
import { rebuildReadModels } from '../../rebuild-read-models';
import { parseExportOptions } from '../export-options';
import { runExport } from '../run-export';

/** A database holding a realistic history (the bench generator's) and read models built from it. */
export interface ExportFixture {
  readonly url: string;
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly db: ReadDatabase;
  readonly dir: string;
  /** Runs `npm run export -- <argv>` in process; `--out` names are taken inside `dir`. */
  export(argv: readonly string[]): ReturnType<typeof runExport>;
  path(name: string): string;
  read(name: string): string;
  close(): Promise<void>;
}

export async function startExportFixture(dialogs: number): Promise<ExportFixture> {
  const database: TestDatabase = await createTestDatabase(allMigrations);
  const store = new PostgresEventStore({ connectionString: database.url });
  const pool = new Pool({ connectionString: database.url });
  await writeHistory(store, { dialogs, writers: 4 });
  await rebuildReadModels(store, database.url, [], { quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'export-'));
  const db: ReadDatabase = { query: async (sql, params) => (await pool.query(sql, [...params])).rows };
  const path = (name: string) => join(dir, name);
  return {
    url: database.url,
    pool,
    store,
    db,
    dir,
    path,
    read: (name) => readFileSync(path(name), 'utf8'),
    export: async (argv) => {
      const i = argv.indexOf('--out');
      const withPath = i === -1 ? argv : [...argv.slice(0, i + 1), path(argv[i + 1]), ...argv.slice(i + 2)];
      return runExport(parseExportOptions(withPath), { store, db });
    },
    async close() {
      await pool.end();
      await store.close();
      await database.drop();
    },
  };
}

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

/** A database value as the export documents it in CSV. */
export function asCsvText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** CSV records as objects by header, for comparing with rows. */
export function csvObjects(text: string): { header: string[]; rows: Record<string, string | null>[] } {
  const [header, ...records] = parseCsv(text);
  const names = header.map((name) => name ?? '');
  return { header: names, rows: records.map((record) => Object.fromEntries(names.map((name, i) => [name, record[i]]))) };
}
