import { Client } from 'pg';
import { runMigrations } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { mintToken } from '../apps/api/src/auth/mint-token';
import { freePort, spawnSource, type SpawnedSource } from '../test/e2e/spawn-app';
import { freshBenchDatabase } from './bench-database';
import { HttpClient, type HttpAnswer } from './load/http-client';
import { formatTable, Latencies } from './load/latencies';
import { cpuSeconds, cpuSecondsWithChildren } from './load/process-cpu';
import { VisibilityProbe } from './load/visibility-probe';
import { runConversations, runReaders, type Recorder, type Team } from './load/workload';

/**
 * Drives the real API and projector processes over HTTP on loopback with a mix of commands
 * (opens, client and operator messages, notes, assignments, closes) from BENCH_CONCURRENCY
 * conversations at once, and BENCH_READERS readers of the list, single dialogs and stats beside
 * them, for BENCH_SECONDS after BENCH_WARMUP_SECONDS. Prints commands/s, latencies per kind,
 * how long a command takes to show in the dialog list, and the CPU each process used.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 48);
const READERS = Number(process.env.BENCH_READERS ?? 8);
const LINES = Number(process.env.BENCH_LINES ?? 5);
const OPERATORS = Number(process.env.BENCH_OPERATORS ?? 50);
const SECRET = 'bench-load-secret-with-enough-length-0123456789';

async function main(): Promise<void> {
  const db = await freshBenchDatabase('switchboard_bench_load');
  await runMigrations(db.url, allMigrations);
  const port = await freePort();
  // A handful of principals send all the load: the per-principal rate limit would measure itself,
  // not the service, so it is off unless asked for.
  const env = {
    DATABASE_URL: db.url,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    RATE_LIMIT_PER_SECOND: process.env.BENCH_RATE_LIMIT_PER_SECOND ?? '0',
  };
  const projector = spawnSource('apps/projector/src/main.ts', env);
  const api = spawnSource('apps/api/src/main.ts', env);
  const http = new HttpClient(`http://localhost:${port}`, CONCURRENCY + READERS + 4);
  const probeClient = new Client({ connectionString: db.url });
  try {
    const team = makeTeam();
    await waitUntilServing(http, team, [api, projector]);
    await createTeam(http, team);
    await probeClient.connect();
    const postmaster = await postmasterPid(probeClient);
    const probe = new VisibilityProbe(probeClient);
    const commands = new Latencies();
    const queries = new Latencies();
    const dialogs: string[] = [];
    let measuring = false;
    const recorder: Recorder = {
      command(kind, answer) {
        const ok = answer.status >= 200 && answer.status < 300;
        // A command that changed nothing (assigning the assignee again) answers no position.
        const position = ok ? (JSON.parse(answer.body) as { position: string | null }).position : null;
        if (position !== null) probe.acknowledged(answer.at, BigInt(position));
        if (measuring) record(commands, kind, answer, ok);
      },
      query(kind, answer) {
        if (measuring) record(queries, kind, answer, answer.status === 200);
      },
      opened: (id) => void (dialogs.push(id) > 2000 && dialogs.splice(0, 1000)),
      recentDialog: () => dialogs[Math.floor(Math.random() * dialogs.length)],
    };

    console.log(`bench:load  ${CONCURRENCY} conversations + ${READERS} readers, ${LINES} lines, ${OPERATORS} operators, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s`);
    probe.start();
    let running = true;
    const workers = [
      ...Array.from({ length: CONCURRENCY }, () => runConversations(http, team, recorder, () => running)),
      ...Array.from({ length: READERS }, () => runReaders(http, team, recorder, () => running)),
    ];
    await sleep(WARMUP_SECONDS * 1000);
    const cpu = { api: cpuSeconds(api.child.pid!), projector: cpuSeconds(projector.child.pid!), postgres: cpuSecondsWithChildren(postmaster), bench: process.cpuUsage() };
    const started = performance.now();
    measuring = true;
    await sleep(SECONDS * 1000);
    measuring = false;
    const elapsed = (performance.now() - started) / 1000;
    const used = {
      api: cpuSeconds(api.child.pid!) - cpu.api,
      projector: cpuSeconds(projector.child.pid!) - cpu.projector,
      postgres: cpuSecondsWithChildren(postmaster) - cpu.postgres,
      bench: microsToSeconds(process.cpuUsage(cpu.bench)),
    };
    running = false;
    await Promise.all(workers);
    await probe.stop();

    const header = ['kind', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
    console.log(`\ncommands: ${Math.round(commands.count() / elapsed).toLocaleString('en-US')} acknowledged/s over ${elapsed.toFixed(1)} s`);
    console.log(formatTable(header, commands.table()));
    console.log(`\nqueries: ${Math.round(queries.count() / elapsed).toLocaleString('en-US')}/s`);
    console.log(formatTable(header, queries.table()));
    const failures = [...commands.failureLines(), ...queries.failureLines()];
    if (failures.length > 0) console.log(`\nrefused or failed: ${failures.join(', ')}`);
    const lag = probe.summary(started);
    console.log(
      `\nvisible in the dialog list after the acknowledgement (checkpoint sampled every 5 ms): ` +
        `p50 ${lag.p50.toFixed(0)} ms, p95 ${lag.p95.toFixed(0)} ms, p99 ${lag.p99.toFixed(0)} ms, max ${lag.max.toFixed(0)} ms` +
        `${lag.unseen > 0 ? `, ${lag.unseen} never seen` : ''}`,
    );
    // CPU per command is what the machine's load does not distort: it says what a dedicated
    // machine of these cores could carry at most, and which process would saturate first.
    const perCommand = (s: number): string => `${((1000 * s) / Math.max(1, commands.count())).toFixed(2)} ms/command`;
    const share = (s: number): string => `${s.toFixed(1)} s (${((100 * s) / elapsed).toFixed(0)}% of a core, ${perCommand(s)})`;
    console.log(
      `CPU over the window: API ${share(used.api)}, projector ${share(used.projector)}, PostgreSQL ${share(used.postgres)}, ` +
        `this load generator ${share(used.bench)}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    );
  } finally {
    http.close();
    await probeClient.end().catch(() => undefined);
    await Promise.all([stop(api), stop(projector)]);
    await db.close();
  }
}

function record(latencies: Latencies, kind: string, answer: HttpAnswer, ok: boolean): void {
  if (ok) latencies.add(kind, answer.ms);
  else latencies.fail(kind, answer.status);
}

function makeTeam(): Team {
  const lines = Array.from({ length: LINES }, (_, i) => `line-${i + 1}`);
  const operators = new Map(lines.map((line) => [line, [] as string[]]));
  for (let i = 0; i < OPERATORS; i++) operators.get(lines[i % LINES])!.push(`op-${i + 1}`);
  const tokens = new Map<string, string>();
  const token: Team['token'] = (role, sub) => {
    const key = `${role}:${sub}`;
    if (!tokens.has(key)) tokens.set(key, mintToken({ sub, role, secret: SECRET }));
    return tokens.get(key)!;
  };
  return { lines, operators, token };
}

async function createTeam(http: HttpClient, team: Team): Promise<void> {
  const admin = team.token('admin', 'admin-1');
  for (const lineId of team.lines) {
    await expectCreated(http.send('POST', '/lines', admin, { lineId, name: lineId, routingMode: 'manual' }));
    for (const operatorId of team.operators.get(lineId)!) {
      await expectCreated(http.send('POST', '/operators', admin, { operatorId, name: operatorId, lineIds: [lineId] }));
    }
  }
}

async function expectCreated(answer: Promise<HttpAnswer>): Promise<void> {
  const { status, body } = await answer;
  if (status !== 201) throw new Error(`setup failed with ${status}: ${body}`);
}

/** Until the API answers and the projector has made the read models (the list answers 200). */
async function waitUntilServing(http: HttpClient, team: Team, processes: SpawnedSource[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const exited = processes.find((p) => p.child.exitCode !== null);
    if (exited) throw new Error(`a process exited early:\n${exited.output()}`);
    const answer = await http.send('GET', '/dialogs?limit=1', team.token('supervisor', 'sup-1')).catch(() => undefined);
    if (answer?.status === 200) return;
    if (Date.now() > deadline) throw new Error('the service did not start within 120 s');
    await sleep(250);
  }
}

/** The postmaster: the parent of this connection's backend. */
async function postmasterPid(client: Client): Promise<number> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const { readFileSync } = await import('node:fs');
  return Number(readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
}

async function stop(process: SpawnedSource): Promise<void> {
  process.child.kill('SIGTERM');
  await process.exited;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const microsToSeconds = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1e6;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
