import { Pool } from 'pg';
import { eventStoreMigrations, PostgresEventStore } from '@switchboard/event-store';
import { runMigrations } from '@switchboard/platform';
import { freshBenchDatabase } from './bench-database';
import { indexesOf, PAGE, timePollsInTurns, type PollCase } from './follow/poll-cases';
import { RARE_CATEGORY, RARE_EVERY, RARE_TYPE, seedLog } from './follow/seed-log';
import { formatTable, percentile } from './load/latencies';

/**
 * A follower of one rare type (one event in RARE_EVERY) over a log of a million events: how
 * long one poll takes from its resume point while the log grows, and from the start or an old
 * position, with the other filter shapes beside it (a rare category, both filters, several
 * types). The baseline, the first case of the same run, is an unfiltered read of one page of
 * the same size. Each filter's plan is printed with the indexes it scans.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const POLLS = Number(process.env.BENCH_POLLS ?? 400);
const WARMUP = 20;
const AIM_P95_MS = 5;

const rare = { eventTypes: [RARE_TYPE] };
const old = BigInt(Math.floor(EVENTS / 2));
const cases: PollCase[] = [
  { name: 'baseline: unfiltered page, from the middle', start: { kind: 'fixed', after: BigInt(Math.floor(EVENTS * 0.4)) } },
  { name: 'rare type, from its resume point', filter: rare, start: { kind: 'resume' } },
  { name: 'rare type, from position 0', filter: rare, start: { kind: 'fixed', after: 0n } },
  { name: `rare type, from position ${old.toLocaleString('en-US')}`, filter: rare, start: { kind: 'fixed', after: old } },
  { name: 'rare category, from its resume point', filter: { categories: [RARE_CATEGORY] }, start: { kind: 'resume' } },
  { name: 'rare category, from position 0', filter: { categories: [RARE_CATEGORY] }, start: { kind: 'fixed', after: 0n } },
  { name: 'rare type + category, from resume point', filter: { ...rare, categories: ['dialog'] }, start: { kind: 'resume' } },
  { name: 'rare type + category, from position 0', filter: { ...rare, categories: ['dialog'] }, start: { kind: 'fixed', after: 0n } },
  { name: 'two rare types, from their resume point', filter: { eventTypes: [RARE_TYPE, 'LineRenamed'] }, start: { kind: 'resume' } },
  { name: 'two rare types, from position 0', filter: { eventTypes: [RARE_TYPE, 'LineRenamed'] }, start: { kind: 'fixed', after: 0n } },
];

async function main(): Promise<void> {
  const db = await freshBenchDatabase('switchboard_bench_follow');
  await runMigrations(db.url, eventStoreMigrations);
  const pool = new Pool({ connectionString: db.url, max: 2 });
  const seeding = Date.now();
  await seedLog(pool, EVENTS, (written) => process.stderr.write(`\rseeding the log: ${written.toLocaleString('en-US')} events`));
  process.stderr.write('\n');
  const store = new PostgresEventStore({ connectionString: db.url, poolSize: 2 });
  console.log(
    `bench:follow  ${EVENTS.toLocaleString('en-US')} events (written set-based in ${((Date.now() - seeding) / 1000).toFixed(1)} s), ` +
      `${RARE_TYPE} and category ${RARE_CATEGORY} once per ${RARE_EVERY.toLocaleString('en-US')}; ${POLLS} polls a case, pages of ${PAGE}; ` +
      `cases polled in turns, 20 new events appended before each round`,
  );
  const times = await timePollsInTurns(store, cases, POLLS, WARMUP);
  const baselineP95 = percentile(sorted(times[0]), 95);
  const rows: string[][] = [];
  for (const [index, poll] of cases.entries()) {
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted(times[index]), p));
    const verdict = poll.filter === undefined ? '' : p95 <= AIM_P95_MS ? 'yes' : 'NO';
    const after = poll.start.kind === 'fixed' ? poll.start.after : await store.headPosition();
    rows.push([poll.name, p50.toFixed(2), p95.toFixed(2), p99.toFixed(2), (p95 / baselineP95).toFixed(2), verdict, await indexesOf(pool, poll, after)]);
  }
  console.log(formatTable(['poll', 'p50 ms', 'p95 ms', 'p99 ms', 'p95/baseline', `p95 <= ${AIM_P95_MS} ms`, 'plan scans'], rows));
  await store.close();
  await pool.end();
  await db.close();
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
