import { HashChainedEventStore, PostgresEventStore } from '@switchboard/event-store';
import { runMigrations } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { freePort, spawnSource } from '../test/e2e/spawn-app';
import { freshBenchDatabase } from './bench-database';
import { growDialog, growLineHistory } from './flat/seed-history';
import { HttpClient } from './load/http-client';
import { formatTable, percentile } from './load/latencies';
import { createTeam, expectCreated, makeTeam, stopProcess, waitUntilServing } from './load/team';

/**
 * Does a command cost more as its stream grows? Against the real API process (no projector:
 * commands do not wait for it), one request at a time:
 * - client messages into a dialog at its BENCH_DIALOG_LENGTH-th event (5,000) against messages
 *   into a dialog at its 10th, BENCH_MESSAGES (30) of each, alternating;
 * - opens on a round-robin line that has routed BENCH_LINE_HISTORY dialogs (100,000) against
 *   opens on a new round-robin line, BENCH_OPENS (15) of each, alternating.
 * The long histories are written straight into the event store (hash-chained, decided by the
 * domain), not through HTTP. Prints each p50 and the ratio long / short; the aim is 1.5 at most.
 */
const DIALOG_LENGTH = Number(process.env.BENCH_DIALOG_LENGTH ?? 5_000);
const SHORT_LENGTH = 10;
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 30);
const LINE_HISTORY = Number(process.env.BENCH_LINE_HISTORY ?? 100_000);
const OPENS = Number(process.env.BENCH_OPENS ?? 15);
const SECRET = 'bench-flat-secret-with-enough-length-0123456789';

async function main(): Promise<void> {
  const db = await freshBenchDatabase('switchboard_bench_flat');
  await runMigrations(db.url, allMigrations);
  const port = await freePort();
  const api = spawnSource('apps/api/src/main.ts', {
    DATABASE_URL: db.url,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    RATE_LIMIT_PER_SECOND: '0',
  });
  const http = new HttpClient(`http://localhost:${port}`, 2);
  const store = new HashChainedEventStore(new PostgresEventStore({ connectionString: db.url, poolSize: 2 }));
  try {
    const team = makeTeam(2, 6, SECRET);
    const [newLine, busyLine] = team.lines;
    const channel = team.token('service', 'web-chat');
    await waitUntilServing(http, channel, [api], '/health');
    await createTeam(http, team, 'round_robin');
    const open = async (lineId: string): Promise<{ dialogId: string; ms: number }> => {
      const answer = await expectCreated(
        http.send('POST', '/dialogs', channel, { direction: 'inbound', channel: 'web', lineId, client: { id: 'client-1', name: 'Kim' } }),
      );
      return { dialogId: (JSON.parse(answer.body) as { dialogId: string }).dialogId, ms: answer.ms };
    };
    const message = async (dialogId: string): Promise<number> =>
      (await expectCreated(http.send('POST', `/dialogs/${dialogId}/messages`, channel, { author: 'client', text: 'and another thing' }))).ms;

    console.log(
      `bench:flat  a message at the ${DIALOG_LENGTH.toLocaleString('en-US')}th event against the ${SHORT_LENGTH}th (${MESSAGES} each); an open on a line with ${LINE_HISTORY.toLocaleString('en-US')} routed dialogs against a new line (${OPENS} each)`,
    );
    const seeding = performance.now();
    const [short, long] = [await open(newLine), await open(newLine)];
    await growDialog(store, short.dialogId, SHORT_LENGTH - 1);
    await growDialog(store, long.dialogId, DIALOG_LENGTH - 1);
    await growLineHistory(store, busyLine, team.operators.get(busyLine)!, LINE_HISTORY);
    console.log(`history written straight into the store in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    // Alternating, so a busy moment of a shared machine falls on both sides alike.
    const messages = { short: [] as number[], long: [] as number[] };
    for (let i = 0; i < MESSAGES; i++) {
      messages.short.push(await message(short.dialogId));
      messages.long.push(await message(long.dialogId));
    }
    const opens = { short: [] as number[], long: [] as number[] };
    for (let i = 0; i < OPENS; i++) {
      opens.short.push((await open(newLine)).ms);
      opens.long.push((await open(busyLine)).ms);
    }

    const row = (what: string, sides: { short: number[]; long: number[] }): string[] => {
      const [s, l] = [median(sides.short), median(sides.long)];
      return [what, s.toFixed(1), l.toFixed(1), (l / s).toFixed(2)];
    };
    console.log(
      formatTable(
        ['case', 'p50 ms short', 'p50 ms long', 'long / short'],
        [
          row(`message: ${DIALOG_LENGTH.toLocaleString('en-US')}th event / ${SHORT_LENGTH}th`, messages),
          row(`open: line with ${LINE_HISTORY.toLocaleString('en-US')} routed / new line`, opens),
        ],
      ),
    );
    console.log('aim: long / short at most 1.5');
  } finally {
    http.close();
    await store.close();
    await stopProcess(api);
    await db.close();
  }
}

const median = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
