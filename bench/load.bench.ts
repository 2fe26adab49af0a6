import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { eventStoreMigrations } from '@switchboard/event-store';
import { runMigrations } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { freePort, spawnSource } from '../test/e2e/spawn-app';
import { freshBenchDatabase } from './bench-database';
import { runBaselineConversations } from './load/baseline-workload';
import { CpuProfiles } from './load/cpu-profiles';
import { HttpClient } from './load/http-client';
import { runPhase, type PhaseResult } from './load/phase';
import { StatementStats } from './load/pg-statements';
import { cpuSeconds, cpuSecondsWithChildren } from './load/process-cpu';
import { formatPhase, formatSummary, type Measured } from './load/report';
import { createTeam, makeTeam, stopProcess, waitUntilServing } from './load/team';
import { VisibilityProbe } from './load/visibility-probe';
import { runConversations, runReaders, type Recorder } from './load/workload';

/**
 * Drives the real API and projector processes over HTTP on loopback with conversations (opens,
 * client and operator messages, notes, assignments, closes), and, in the same run with the same
 * load generator, a bare node:http + pg server doing the floor of a command (read the stream,
 * append one event durably). For each of BENCH_CONCURRENCY (8,48) conversations: the baseline,
 * then Switchboard with commands alone; last Switchboard with BENCH_READERS readers beside the
 * most conversations. Each phase warms up BENCH_WARMUP_SECONDS and measures BENCH_SECONDS.
 * Prints rates, latencies, the ratios to the baseline, the list's visibility lag and the CPU
 * of each process per command. BENCH_PROFILE=DIR also profiles the API and the projector over
 * each Switchboard window and prints the server's top statements (pg_stat_statements).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '8,48').split(',').map(Number);
const READERS = Number(process.env.BENCH_READERS ?? 8);
const LINES = Number(process.env.BENCH_LINES ?? 5);
const OPERATORS = Number(process.env.BENCH_OPERATORS ?? 50);
const PROFILE_DIR = process.env.BENCH_PROFILE;
const SECRET = 'bench-load-secret-with-enough-length-0123456789';
const DATABASE = 'switchboard_bench_load';
const BASELINE_DATABASE = 'switchboard_bench_baseline';

async function main(): Promise<void> {
  const db = await freshBenchDatabase(DATABASE);
  const baselineDb = await freshBenchDatabase(BASELINE_DATABASE);
  await runMigrations(db.url, allMigrations);
  await runMigrations(baselineDb.url, eventStoreMigrations);
  const [port, baselinePort] = [await freePort(), await freePort()];
  const profiles = PROFILE_DIR ? new CpuProfiles(PROFILE_DIR) : undefined;
  // A handful of principals send all the load: the per-principal rate limit would measure itself,
  // not the service, so it is off unless asked for.
  const env = {
    DATABASE_URL: db.url,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    RATE_LIMIT_PER_SECOND: process.env.BENCH_RATE_LIMIT_PER_SECOND ?? '0',
  };
  const projector = spawnSource('apps/projector/src/main.ts', { ...env, ...profiles?.env('projector') });
  const api = spawnSource('apps/api/src/main.ts', { ...env, ...profiles?.env('api') });
  const baseline = spawnSource('bench/load/baseline-server.ts', { DATABASE_URL: baselineDb.url, PORT: String(baselinePort) });
  const sockets = Math.max(...CONCURRENCIES) + READERS + 4;
  const [apiUrl, baselineUrl] = [`http://localhost:${port}`, `http://127.0.0.1:${baselinePort}`];
  const setupHttp = new HttpClient(apiUrl, 4);
  const probeClient = new Client({ connectionString: db.url });
  const statements = PROFILE_DIR ? await StatementStats.open(db.url) : undefined;
  try {
    const team = makeTeam(LINES, OPERATORS, SECRET);
    await waitUntilServing(setupHttp, team.token('supervisor', 'sup-1'), [api, projector]);
    await waitUntilServing(new HttpClient(baselineUrl, 1), '', [baseline], '/health');
    await createTeam(setupHttp, team);
    setupHttp.close();
    await probeClient.connect();
    // The probe's samples are the benchmark's, not the service's: kept out of the statement counts.
    await probeClient.query(`SET pg_stat_statements.track = 'none'`).catch(() => undefined);
    const postgres = await postmasterPid(probeClient);
    const phase = { warmupSeconds: WARMUP_SECONDS, seconds: SECONDS };
    // Printed after each phase's figures, then emptied.
    const profileNotes: string[] = [];
    const print = (text: string): void => {
      console.log([text, ...profileNotes.splice(0)].join('\n\n'));
    };
    const bench = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };

    // Each phase has its own connections: a server closes those idle between phases (keep-alive
    // timeout), and a request sent on one as it closes would fail.
    const runBaseline = (conversations: number, http = new HttpClient(baselineUrl, sockets)): Promise<PhaseResult> =>
      runPhase(
        {
          ...phase,
          meters: { server: () => cpuSeconds(baseline.child.pid!), PostgreSQL: () => cpuSecondsWithChildren(postgres), 'load generator': bench },
          atStart: async () => statements?.reset(),
          atEnd: async (window) =>
            void (statements && profileNotes.push(`pg_stat_statements, baseline:\n${await statements.top([BASELINE_DATABASE], window.commands.count(), 5)}`)),
        },
        (window) => Array.from({ length: conversations }, () => runBaselineConversations(http, window)),
      ).finally(() => http.close());

    const runSwitchboard = async (conversations: number, readers: number, http = new HttpClient(apiUrl, sockets)): Promise<Measured> => {
      const probe = new VisibilityProbe(probeClient);
      const dialogs: string[] = [];
      probe.start();
      const title = `${conversations} conversations${readers ? ` + ${readers} readers` : ''}`;
      const result = await runPhase(
        {
          ...phase,
          meters: {
            API: () => cpuSeconds(api.child.pid!),
            projector: () => cpuSeconds(projector.child.pid!),
            PostgreSQL: () => cpuSecondsWithChildren(postgres),
            'load generator': bench,
          },
          atStart: async () => {
            await statements?.reset();
            profiles?.start([api, projector]);
          },
          atEnd: async (window) => {
            profileNotes.push(...((await profiles?.stop({ api, projector }, title)) ?? []));
            if (statements) profileNotes.push(`pg_stat_statements, ${title}:\n${await statements.top([DATABASE], window.commands.count())}`);
          },
        },
        (window) => {
          const recorder: Recorder = {
            command(kind, answer) {
              const ok = answer.status >= 200 && answer.status < 300;
              // A command that changed nothing (assigning the assignee again) answers no position.
              const position = ok ? (JSON.parse(answer.body) as { position: string | null }).position : null;
              if (position !== null) probe.acknowledged(answer.at, BigInt(position));
              window.command(kind, answer, ok);
            },
            query: (kind, answer) => window.query(kind, answer),
            opened: (id) => void (dialogs.push(id) > 2000 && dialogs.splice(0, 1000)),
            recentDialog: () => dialogs[Math.floor(Math.random() * dialogs.length)],
          };
          const running = (): boolean => window.running;
          return [
            ...Array.from({ length: conversations }, () => runConversations(http, team, recorder, running)),
            ...Array.from({ length: readers }, () => runReaders(http, team, recorder, running)),
          ];
        },
      );
      http.close();
      await probe.stop();
      return { ...result, lag: probe.summary(result.startedAt) };
    };

    console.log(
      `bench:load  conversations ${CONCURRENCIES.join(', ')}, then ${READERS} readers beside ${Math.max(...CONCURRENCIES)}; ${LINES} lines, ${OPERATORS} operators; each phase ${WARMUP_SECONDS} s warm-up + ${SECONDS} s`,
    );
    const rows: { conversations: number; baseline: PhaseResult; switchboard: Measured }[] = [];
    for (const conversations of CONCURRENCIES) {
      const baselineResult = await runBaseline(conversations);
      print(formatPhase(`baseline (node:http + pg), ${conversations} conversations`, baselineResult, 'requests'));
      const switchboard = await runSwitchboard(conversations, 0);
      print(formatPhase(`Switchboard, ${conversations} conversations, commands alone`, switchboard, 'commands'));
      rows.push({ conversations, baseline: baselineResult, switchboard });
    }
    const most = rows[rows.length - 1];
    const withReaders = await runSwitchboard(most.conversations, READERS);
    print(formatPhase(`Switchboard, ${most.conversations} conversations + ${READERS} readers`, withReaders, 'commands'));
    console.log(`\n${formatSummary(rows, { readers: READERS, result: withReaders, baseline: most.baseline })}`);
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } catch (error) {
    for (const [name, p] of Object.entries({ api, projector, baseline })) {
      if (p.child.exitCode !== null || p.child.signalCode !== null)
        console.error(`${name} ended (${p.child.exitCode ?? p.child.signalCode}):\n${p.output().slice(-3000)}`);
    }
    throw error;
  } finally {
    setupHttp.close();
    await probeClient.end().catch(() => undefined);
    await statements?.close();
    await Promise.all([stopProcess(api), stopProcess(projector), stopProcess(baseline)]);
    await baselineDb.close();
    await db.close();
  }
}

/** The postmaster: the parent of this connection's backend. */
async function postmasterPid(client: Client): Promise<number> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return Number(readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
