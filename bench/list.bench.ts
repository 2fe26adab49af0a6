import { Client, Pool } from 'pg';
import type { Actor } from '@switchboard/dialogs';
import { loadConfig, openLocalPostgres, runMigrations } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { decodeDialogListCursor, ListDialogsHandler, ListDialogsQuery, readDatabaseOf } from '@switchboard/read-models/queries';

/**
 * Times dialog-list query shapes (filters, sorts, search, deep pages) against the data
 * `npm run bench:replay` left in `switchboard_bench_replay`, and prints p50 and p95 per shape.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const supervisor: Actor = { kind: 'supervisor', id: 'sup-1' };
const operator: Actor = { kind: 'operator', id: 'op-7' };

type Shape = { name: string; query: () => Promise<Omit<ListDialogsQuery, 'limit'> & { limit?: number }> };

async function main(): Promise<void> {
  const { url, stop } = await benchDatabase();
  // Indexes added since the data was written, and fresh statistics after the rebuild.
  await runMigrations(url, allMigrations);
  const pool = new Pool({ connectionString: url, max: 2 });
  await pool.query('ANALYZE');
  const db = readDatabaseOf(pool);
  const handler = new ListDialogsHandler(db);
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM read_models.dialog_list');
  if (Number(rows[0].n) === 0) throw new Error('no dialogs: run `npm run bench:replay` first');
  console.log(`bench:list  ${Number(rows[0].n).toLocaleString('en-US')} dialogs, ${RUNS} runs per shape, limit 50`);

  const base = { viewer: supervisor, filters: {}, sort: 'lastChangedAt' as const, order: 'desc' as const };
  const deepCursor = await cursorAfterPages(handler, 20);
  const shapes: Shape[] = [
    { name: 'default: newest activity first', query: async () => base },
    { name: 'operator: own and unassigned', query: async () => ({ ...base, viewer: operator }) },
    { name: 'status client_waiting', query: async () => ({ ...base, filters: { generalStatuses: ['client_waiting'] } }) },
    { name: 'unassigned', query: async () => ({ ...base, filters: { unassigned: true } }) },
    { name: 'line + channel', query: async () => ({ ...base, filters: { lineIds: ['sales'], channels: ['telegram'] } }) },
    { name: 'tag', query: async () => ({ ...base, filters: { tags: ['refund'] } }) },
    { name: 'operator filter op-3', query: async () => ({ ...base, filters: { operatorIds: ['op-3'] } }) },
    { name: 'text search "refund"', query: async () => ({ ...base, filters: { text: 'refund' } }) },
    {
      name: 'created in one month',
      query: async () => ({ ...base, filters: { created: { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') } } }),
    },
    { name: 'sort waitForFirstReplyMs desc', query: async () => ({ ...base, sort: 'waitForFirstReplyMs', order: 'desc' }) },
    { name: 'sort number asc', query: async () => ({ ...base, sort: 'number', order: 'asc' }) },
    { name: 'page 21 by cursor', query: async () => ({ ...base, cursor: deepCursor }) },
  ];
  console.log('shape                                   p50 ms   p95 ms');
  for (const shape of shapes) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 5; i++) {
      const query = { limit: 50, ...(await shape.query()) } as ListDialogsQuery;
      const started = process.hrtime.bigint();
      await handler.execute(query);
      if (i >= 5) times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    console.log(`${shape.name.padEnd(38)} ${at(0.5).toFixed(1).padStart(7)}  ${at(0.95).toFixed(1).padStart(7)}`);
  }
  await pool.end();
  await stop();
}

async function cursorAfterPages(handler: ListDialogsHandler, pages: number) {
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const page = await handler.execute({
      viewer: supervisor,
      filters: {},
      sort: 'lastChangedAt',
      order: 'desc',
      limit: 50,
      cursor: cursor ? decodeDialogListCursor(cursor) : undefined,
    });
    cursor = page.nextCursor;
  }
  return cursor ? decodeDialogListCursor(cursor) : undefined;
}

async function benchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = loadConfig();
  let admin = config.databaseUrl;
  let stop = async (): Promise<void> => undefined;
  if (!admin) {
    const server = await openLocalPostgres(config.embedded);
    admin = server.adminUrl;
    stop = () => server.stop();
  }
  const url = new URL(admin);
  url.pathname = '/switchboard_bench_replay';
  const probe = new Client({ connectionString: url.toString() });
  await probe.connect().catch(() => {
    throw new Error('no bench database: run `npm run bench:replay` first');
  });
  await probe.end();
  return { url: url.toString(), stop };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
