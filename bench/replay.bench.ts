import { Pool } from 'pg';
import { PostgresEventStore, Position } from '@switchboard/event-store';
import { ProgressBar, runMigrations } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { rebuildReadModels } from '../apps/projector/src/cli/rebuild-read-models';
import { freshBenchDatabase } from './bench-database';
import { writeHistory } from '../test/history/write-history';

/**
 * Writes a realistic history (BENCH_DIALOGS dialogs, default 100,000, every kind of event),
 * reads it once plainly in order, then rebuilds every read model from zero (the projections side
 * by side, as `npm run rebuild -- --parallel` does), and prints events/s of both and their ratio.
 */
const DIALOGS = Number(process.env.BENCH_DIALOGS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 5000);

async function main(): Promise<void> {
  const db = await freshBenchDatabase('switchboard_bench_replay');
  await runMigrations(db.url, allMigrations);
  const store = new PostgresEventStore({ connectionString: db.url, poolSize: 8 });
  try {
    const writing = new ProgressBar('writing history', DIALOGS, 'dialogs');
    const started = Date.now();
    const events = await writeHistory(store, { dialogs: DIALOGS, onProgress: (n) => writing.update(n) });
    writing.finish(DIALOGS);
    console.log(
      `history: ${DIALOGS.toLocaleString('en-US')} dialogs, ${events.toLocaleString('en-US')} events written in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    await vacuum(db.url);

    const read = await plainRead(store);
    console.log(
      `plain sequential read: ${read.events.toLocaleString('en-US')} events in ${read.seconds.toFixed(1)} s = ${Math.round(read.events / read.seconds).toLocaleString('en-US')} events/s`,
    );

    const rebuildStarted = Date.now();
    const summaries = await rebuildReadModels(store, db.url, [], { batchSize: BATCH, parallel: true, quiet: true });
    const seconds = (Date.now() - rebuildStarted) / 1000;
    for (const s of summaries) {
      console.log(
        `  ${s.projection.padEnd(32)} ${s.events.toLocaleString('en-US').padStart(10)} events ${s.seconds.toFixed(1).padStart(6)} s ${Math.round(
          s.events / s.seconds,
        )
          .toLocaleString('en-US')
          .padStart(8)} ev/s`,
      );
    }
    const rate = events / seconds;
    console.log(
      `rebuild of all read models: ${events.toLocaleString('en-US')} log events in ${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString('en-US')} events/s`,
    );
    console.log(`ratio to the plain read: ${(rate / (read.events / read.seconds)).toFixed(2)} (aim: 50,000 events/s)`);
    // The whole run's peak: writing the history and the plain read are lighter than the rebuild,
    // so this is the rebuild's, and it stays flat when BENCH_DIALOGS grows if nothing is held per event.
    console.log(`peak RSS of the process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  } finally {
    await store.close();
    await db.close();
  }
}

async function plainRead(store: PostgresEventStore): Promise<{ events: number; seconds: number }> {
  const started = Date.now();
  let after: Position | undefined;
  let events = 0;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: BATCH });
    if (batch.length === 0) break;
    events += batch.length;
    after = batch[batch.length - 1].position;
  }
  return { events, seconds: (Date.now() - started) / 1000 };
}

/** Fresh statistics, as a production database would have, so plans are not chosen blind. */
async function vacuum(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  await pool.query('VACUUM ANALYZE');
  await pool.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
