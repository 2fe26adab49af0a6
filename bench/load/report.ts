import { formatTable, percentile } from './latencies';
import type { PhaseResult } from './phase';
import type { VisibilityProbe } from './visibility-probe';

export type Measured = PhaseResult & { lag: ReturnType<VisibilityProbe['summary']> };

const HEADER = ['kind', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
const rate = (count: number, seconds: number): string => Math.round(count / seconds).toLocaleString('en-US');

/** One phase: rates, latencies per kind, refusals, the visibility lag, CPU per process. */
export function formatPhase(title: string, result: PhaseResult | Measured, noun: 'commands' | 'requests'): string {
  const { window, elapsed } = result;
  const out = [
    `\n== ${title}`,
    `${noun}: ${rate(window.commands.count(), elapsed)}/s over ${elapsed.toFixed(1)} s`,
    formatTable(HEADER, window.commands.table()),
  ];
  if (window.queries.count() > 0) out.push(`queries: ${rate(window.queries.count(), elapsed)}/s`, formatTable(HEADER, window.queries.table()));
  const failures = [...window.commands.failureLines(), ...window.queries.failureLines()];
  if (failures.length > 0) out.push(`refused or failed: ${failures.join(', ')}`);
  if ('lag' in result) {
    const lag = result.lag;
    out.push(
      `visible in the dialog list after the acknowledgement (checkpoint sampled every 5 ms): p50 ${lag.p50.toFixed(0)} ms, p95 ${lag.p95.toFixed(0)} ms, ` +
        `p99 ${lag.p99.toFixed(0)} ms, max ${lag.max.toFixed(0)} ms${lag.unseen > 0 ? `, ${lag.unseen} never seen` : ''}`,
    );
  }
  // CPU per command is what the machine's load distorts least: it says what a dedicated machine
  // of these cores could carry at most, and which process would saturate first.
  const per = (s: number): string => `${((1000 * s) / Math.max(1, window.commands.count())).toFixed(2)} ms`;
  out.push(
    `CPU in the window, per ${noun === 'commands' ? 'command' : 'request'}: ${Object.entries(result.cpu)
      .map(([name, s]) => `${name} ${per(s)} (${((100 * s) / elapsed).toFixed(0)}% of a core)`)
      .join(', ')}`,
  );
  return out.join('\n');
}

/** Switchboard against the baseline at each concurrency, then the run with readers. */
export function formatSummary(
  rows: { conversations: number; baseline: PhaseResult; switchboard: Measured }[],
  withReaders: { readers: number; result: Measured; baseline: PhaseResult },
): string {
  const latency = (r: PhaseResult): string => {
    const sorted = r.window.commands.all().sort((a, b) => a - b);
    return [50, 95, 99].map((p) => percentile(sorted, p).toFixed(0)).join(' / ');
  };
  const perSecond = (r: PhaseResult): number => r.window.commands.count() / r.elapsed;
  const cpu = (r: PhaseResult, names: string[]): string => {
    const ms = names.map((n) => (1000 * (r.cpu[n] ?? 0)) / Math.max(1, r.window.commands.count()));
    return `${ms.map((m) => m.toFixed(2)).join(' + ')} = ${ms.reduce((a, b) => a + b, 0).toFixed(2)}`;
  };
  const table = rows.map(({ conversations, baseline, switchboard }) => [
    `${conversations}`,
    rate(switchboard.window.commands.count(), switchboard.elapsed),
    latency(switchboard),
    rate(baseline.window.commands.count(), baseline.elapsed),
    latency(baseline),
    (perSecond(switchboard) / perSecond(baseline)).toFixed(2),
  ]);
  const r = withReaders.result;
  table.push([
    `${rows.at(-1)!.conversations} + ${withReaders.readers} readers`,
    rate(r.window.commands.count(), r.elapsed),
    latency(r),
    rate(withReaders.baseline.window.commands.count(), withReaders.baseline.elapsed),
    latency(withReaders.baseline),
    (perSecond(r) / perSecond(withReaders.baseline)).toFixed(2),
  ]);
  const cpuRows = [
    ...rows.map(({ conversations, baseline, switchboard }) => [
      `${conversations}`,
      cpu(switchboard, ['API', 'PostgreSQL', 'projector']),
      cpu(baseline, ['server', 'PostgreSQL']),
    ]),
    [`${rows.at(-1)!.conversations} + ${withReaders.readers} readers`, cpu(r, ['API', 'PostgreSQL', 'projector']), '(as above)'],
  ];
  return [
    '== Switchboard against the baseline, same load generator, same PostgreSQL (latencies of commands, ms)',
    formatTable(['conversations', 'Switchboard cmd/s', 'p50 / p95 / p99', 'baseline req/s', 'p50 / p95 / p99', 'ratio'], table),
    `queries beside the last: ${rate(r.window.queries.count(), r.elapsed)}/s`,
    '',
    formatTable(['conversations', 'CPU ms per command: API + PostgreSQL + projector', 'baseline: server + PostgreSQL'], cpuRows),
  ].join('\n');
}
