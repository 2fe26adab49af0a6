import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { ensureDatabase } from '@switchboard/platform';
import { freePort, spawnApp, type SpawnedApp } from '../e2e/spawn-app';
import { bearer, TEST_JWT_SECRET, tokenFor } from '../e2e/support/tokens';
import { caughtUp, readModelProgress } from './support/read-model-progress';
import { RestartablePostgres } from './support/restartable-postgres';

/** Longest any request may take, outage or not: a client must never hang. */
const REQUEST_TIMEOUT_MS = 10_000;
const WRITERS = 4;

interface Outcome {
  status: number | 'timeout' | 'network';
  ms: number;
  retryAfter: string | null;
  body: { streamId?: string; revision?: string; position?: string; dialogId?: string };
  at: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL stopped and started while clients write', () => {
  let postgres: RestartablePostgres;
  let app: SpawnedApp | undefined;
  let pool: Pool;
  const service = bearer(tokenFor('service', 'web-chat'));
  const operator = bearer(tokenFor('operator', 'op-1'));
  const admin = bearer(tokenFor('admin', 'admin-1'));

  beforeAll(async () => {
    const port = await freePort();
    postgres = new RestartablePostgres(join(tmpdir(), `switchboard-faults-pg-${port}`), port);
    await postgres.initialise();
    await postgres.start();
    const url = await ensureDatabase(postgres.adminUrl, 'switchboard');
    pool = new Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    // The clients write as fast as the service answers through one channel principal: on a quiet
    // machine that passes the per-principal rate limit, whose 429s are not what this test is about.
    app = await spawnApp({ PORT: String(await freePort()), DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'warn', RATE_LIMIT_PER_SECOND: '0' });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await pool?.end();
    await postgres?.destroy();
  });

  async function send(method: string, path: string, token: string, body?: object): Promise<Outcome> {
    const started = Date.now();
    try {
      const response = await fetch(`${app!.baseUrl}${path}`, {
        method,
        headers: { authorization: token, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      return {
        status: response.status,
        ms: Date.now() - started,
        retryAfter: response.headers.get('retry-after'),
        body: response.ok ? (JSON.parse(text) as Outcome['body']) : {},
        at: started,
      };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { status: timedOut ? 'timeout' : 'network', ms: Date.now() - started, retryAfter: null, body: {}, at: started };
    }
  }

  /** One client: opens a dialog, then the client and the operator take turns writing in it; a refused open opens anew. */
  async function writer(outcomes: Outcome[], running: () => boolean): Promise<void> {
    let dialogId: string | undefined;
    for (let turn = 0; running(); turn++) {
      if (!dialogId) {
        const opened = await send('POST', '/dialogs', service, { direction: 'inbound', channel: 'web', lineId: 'support', client: { id: `c-${turn}` } });
        outcomes.push(opened);
        dialogId = opened.body.dialogId;
      } else if (turn % 2 === 0) {
        outcomes.push(await send('POST', `/dialogs/${dialogId}/messages`, service, { author: 'client', text: `question ${turn}` }));
      } else {
        outcomes.push(await send('POST', `/dialogs/${dialogId}/messages`, operator, { author: 'operator', text: `answer ${turn}` }));
      }
      if (outcomes.at(-1)!.status === 503) await sleep(100);
    }
  }

  it('answers 503 with Retry-After while it is down, loses nothing acknowledged, and recovers by itself', async () => {
    expect((await send('POST', '/lines', admin, { lineId: 'support', name: 'Support', routingMode: 'manual' })).status).toBe(201);
    expect((await send('POST', '/operators', admin, { operatorId: 'op-1', name: 'Ann', lineIds: ['support'] })).status).toBe(201);

    const outcomes: Outcome[] = [];
    let running = true;
    const writers = Array.from({ length: WRITERS }, () => writer(outcomes, () => running));
    // Writes go on through a fast shutdown, then a crash (recovery from the WAL), 3 s down each.
    const outages = { 'fast shutdown': () => postgres.stop(), crash: () => postgres.crash() };
    for (const outage of Object.values(outages)) {
      await sleep(2500);
      await outage();
      await sleep(3000);
      await postgres.start();
    }
    const restarted = Date.now();
    // Recovered: commands succeed again without restarting the service.
    const deadline = restarted + 30_000;
    while (outcomes.filter((o) => o.at > restarted && o.status === 201).length < 20 && Date.now() < deadline) await sleep(100);
    running = false;
    await Promise.all(writers);

    const count = (status: Outcome['status']): number => outcomes.filter((o) => o.status === status).length;
    console.log(
      `${outcomes.length} requests: ${count(201)} acknowledged, ${count(503)} refused with 503; ` +
        `slowest ${Math.max(...outcomes.map((o) => o.ms))} ms; outages: ${Object.keys(outages).join(', ')}`,
    );
    expect(outcomes.filter((o) => o.status !== 201 && o.status !== 503)).toEqual([]);
    expect(count(503)).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.status === 503 && o.retryAfter === null)).toEqual([]);
    expect(outcomes.filter((o) => o.at > restarted && o.status === 201).length).toBeGreaterThanOrEqual(20);

    // Every acknowledged command is in the log, at the revision and position it was answered.
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.body);
    const { rows } = await pool.query<{ found: string }>(
      `SELECT count(*)::text AS found FROM event_store.events e
         JOIN unnest($1::text[], $2::bigint[], $3::bigint[]) AS a(stream_id, revision, position)
           ON e.stream_id = a.stream_id AND e.stream_revision = a.revision AND e.position = a.position`,
      [acknowledged.map((a) => a.streamId), acknowledged.map((a) => a.revision), acknowledged.map((a) => a.position)],
    );
    expect(Number(rows[0].found)).toBe(acknowledged.length);

    // The projector inside the service caught up by itself, and reads see the last write.
    const caughtUpBy = Date.now() + 30_000;
    while (!caughtUp(await readModelProgress(pool)) && Date.now() < caughtUpBy) await sleep(100);
    const progress = await readModelProgress(pool);
    if (!caughtUp(progress)) console.log(progress, app!.output().slice(-5000));
    expect(caughtUp(progress)).toBe(true);
    const last = outcomes.filter((o) => o.status === 201).at(-1)!.body;
    const dialog = await fetch(`${app!.baseUrl}/dialogs/${last.streamId!.slice('dialog-'.length)}?minPosition=${last.position}`, {
      headers: { authorization: admin },
    });
    expect(dialog.status).toBe(200);
    expect(dialog.headers.get('x-read-model-stale')).toBeNull();
    expect((await fetch(`${app!.baseUrl}/health`)).status).toBe(200);
  }, 180_000);
});
