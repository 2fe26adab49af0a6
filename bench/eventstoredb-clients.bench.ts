import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startEventStoreDbDouble, type EventStoreDbDouble } from '../test/eventstoredb-double/eventstoredb-double';
import type { Figures, Step } from './eventstoredb-clients/client-worker';

/**
 * `@eventstore/db-client` 6 against its successor `@kurrent/kurrentdb-client`, in one run, over the
 * EventStoreDB protocol double: appends (one writer, eight writers), reading `$all` in pages of
 * 1,000, reading a stream, a catch-up subscription to the end of `$all`, and the filtered read
 * the adapter needs (one category past 20,000 links). Each client runs in a process of its own
 * (see client-worker.ts); each round starts a fresh double per client, in alternating order; the
 * median of the rounds is printed, with the successor's figure as a ratio of v6's.
 *
 * The successor is not a dependency of the project; install it apart and name the folder:
 *   mkdir -p /tmp/kurrent && cd /tmp/kurrent && echo '{}' > package.json && npm install --no-save @kurrent/kurrentdb-client
 *   KURRENT_CLIENT_DIR=/tmp/kurrent npx ts-node --transpile-only -r tsconfig-paths/register bench/eventstoredb-clients.bench.ts
 * (BENCH_EVENTS appends per case, 2,000 by default; BENCH_ROUNDS rounds, 3.)
 * The double is in-process and on loopback: the figures compare the clients' own costs
 * (serialisation, call set-up, flow control), not a server's.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LINKS = 10_000;
const KINDS = process.env.KURRENT_CLIENT_DIR ? ['v6', 'successor'] : ['v6'];

class Worker {
  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
  ) {}

  static async start(kind: string, connectionString: string): Promise<Worker> {
    const child = fork(join(__dirname, 'eventstoredb-clients', 'client-worker.ts'), [kind, connectionString], {
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    });
    const name = await new Promise<string>((resolve, reject) => {
      child.once('message', (message: { ready?: string }) => (message.ready ? resolve(message.ready) : reject(new Error('worker did not start'))));
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
    return new Worker(child, name);
  }

  ask<T>(step: Step): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.child.once('message', (message: { result?: T; error?: string }) =>
        message.error ? reject(new Error(message.error)) : resolve(message.result as T),
      );
      this.child.send(step);
    });
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}

async function measure(kind: string): Promise<{ name: string; figures: Figures }> {
  const double: EventStoreDbDouble = await startEventStoreDbDouble();
  const worker = await Worker.start(kind, double.connectionString);
  try {
    const figures = await worker.ask<Figures>({ step: 'writes' });
    double.writeLinkRun(LINKS);
    const category = await worker.ask<string>({ step: 'category' });
    double.writeLinkRun(LINKS);
    Object.assign(figures, await worker.ask<Figures>({ step: 'reads', category }));
    const before = double.eventsSent();
    await worker.ask({ step: 'filtered', category });
    figures['records the double sent for one filtered read'] = double.eventsSent() - before;
    return { name: worker.name, figures };
  } finally {
    await worker.stop();
    await double.stop();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  if (KINDS.length === 1) console.log('KURRENT_CLIENT_DIR is not set (see the header of this file): measuring @eventstore/db-client alone.');
  const runs = new Map<string, { name: string; figures: Figures }[]>(KINDS.map((kind) => [kind, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of round % 2 === 0 ? KINDS : [...KINDS].reverse()) runs.get(kind)?.push(await measure(kind));
  }
  const results = KINDS.map((kind) => runs.get(kind) ?? []);
  const cases = Object.keys(results[0][0].figures);
  console.log(`${process.env.BENCH_EVENTS ?? 2_000} appends per case, median of ${ROUNDS} rounds, node ${process.version}`);
  console.log(['case', ...results.map((r) => r[0].name), ...(results.length === 2 ? ['successor / v6'] : [])].join(' | '));
  for (const c of cases) {
    const values = results.map((r) => median(r.map((run) => run.figures[c])));
    console.log([c, ...values.map((v) => v.toFixed(0)), ...(values.length === 2 ? [(values[1] / values[0]).toFixed(2)] : [])].join(' | '));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
