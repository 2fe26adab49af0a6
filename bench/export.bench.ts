import { spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore } from '@switchboard/event-store';
import { ProgressBar, runMigrations } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { rebuildReadModels } from '../apps/projector/src/cli/rebuild-read-models';
import { freshBenchDatabase } from './bench-database';
import { writeHistory } from '../test/history/write-history';

/**
 * Memory of `npm run export`: writes BENCH_DIALOGS dialogs (default 14,000, about 200,000
 * events), builds the read models, then runs each export as its own process with a small heap
 * (BENCH_HEAP_MB, default 64) and prints rows, time, file size and the process's peak RSS. The
 * events export runs on a tenth of the log and on all of it: flat memory gives the same peak.
 */
const DIALOGS = Number(process.env.BENCH_DIALOGS ?? 14_000);
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 64);
const ROOT = resolve(__dirname, '..');

async function main(): Promise<void> {
  const db = await freshBenchDatabase('switchboard_bench_export');
  await runMigrations(db.url, allMigrations);
  const store = new PostgresEventStore({ connectionString: db.url, poolSize: 8 });
  const pool = new Pool({ connectionString: db.url, max: 1 });
  try {
    const writing = new ProgressBar('writing history', DIALOGS, 'dialogs');
    const events = await writeHistory(store, { dialogs: DIALOGS, onProgress: (n) => writing.update(n) });
    writing.finish(DIALOGS);
    await rebuildReadModels(store, db.url, [], { parallel: true, quiet: true });
    await pool.query('VACUUM ANALYZE');
    const { rows } = await pool.query<{ p: string }>(`SELECT position::text AS p FROM event_store.events ORDER BY position OFFSET $1 LIMIT 1`, [
      Math.floor(events / 10),
    ]);
    console.log(`history: ${events.toLocaleString('en-US')} events; exports with --max-old-space-size=${HEAP_MB}`);
    const dir = mkdtempSync(join(tmpdir(), 'export-bench-'));
    const runs: [string, string[]][] = [
      ['events, a tenth', ['events', '--to-position', rows[0].p]],
      ['events, all', ['events']],
      ['dialogs', ['dialogs']],
      ['response-intervals', ['response-intervals']],
      ['assignment-audit', ['assignment-audit']],
    ];
    console.log('| export | records | seconds | records/s | file MB | peak RSS MiB |\n|---|---|---|---|---|---|');
    for (const [label, argv] of runs) {
      const out = join(dir, `${label.replace(/\W+/g, '-')}.out`);
      const run = await exportProcess([...argv, '--out', out], db.url);
      const mb = statSync(out).size / 1024 / 1024;
      console.log(
        `| ${label} | ${run.written.toLocaleString('en-US')} | ${run.seconds.toFixed(1)} | ${Math.round(run.written / run.seconds).toLocaleString('en-US')} | ${mb.toFixed(0)} | ${run.peakRssMiB} |`,
      );
    }
  } finally {
    await pool.end();
    await store.close();
    await db.close();
  }
}

/** One `npm run export` process; its last stderr line reports what it wrote and its peak RSS. */
function exportProcess(argv: string[], url: string): Promise<{ written: number; seconds: number; peakRssMiB: number }> {
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/projector/src/cli/export/export.cli.ts',
      ...argv,
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) =>
    child.on('exit', (code) => {
      const summary = /wrote (\d+) in ([\d.]+) s.*peak RSS (\d+) MiB/.exec(stderr);
      if (code !== 0 || summary === null) return fail(new Error(`export ${argv.join(' ')} failed (${code}):\n${stderr}`));
      done({ written: Number(summary[1]), seconds: Number(summary[2]), peakRssMiB: Number(summary[3]) });
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
