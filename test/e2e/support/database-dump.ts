import { Pool } from 'pg';

/**
 * Every row of every table of every schema but the server's own, as text (tsvectors, jsonb and
 * bytea included), by `schema.table`: what a search of the whole database reads.
 */
export async function dumpDatabase(databaseUrl: string): Promise<Record<string, string>> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows: tables } = await pool.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    const dump: Record<string, string> = {};
    for (const { schema, name } of tables) {
      const { rows } = await pool.query<{ row: string }>(`SELECT t::text AS row FROM ${quote(schema)}.${quote(name)} t`);
      dump[`${schema}.${name}`] = rows.map((r) => r.row).join('\n');
    }
    return dump;
  } finally {
    await pool.end();
  }
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;
