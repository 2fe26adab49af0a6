import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore } from '@switchboard/event-store';
import { readDatabaseOf, type ReadDatabase } from '@switchboard/read-models/queries';
import { allMigrations } from '@switchboard/schema';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { writeHistory } from '@switchboard/test-support/history/write-history';
import { rebuildReadModels } from '../cli/rebuild-read-models';
import { parseExportOptions } from '../cli/export/export-options';
import { runExport } from '../cli/export/run-export';

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
  const db = readDatabaseOf(pool);
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

/** A database value as the export documents it in CSV. */
export function asCsvText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
