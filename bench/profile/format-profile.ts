import { formatTable } from '../load/latencies';
import type { ProfileSummary, SelfTime } from './cpuprofile-summary';

/** The top self times by package and by function, as ms and as a share of the busy (not idle) time. */
export function formatProfile(title: string, summary: ProfileSummary, top = 15): string {
  const busy = summary.totalMs - summary.idleMs;
  const rows = (times: SelfTime[]): string[][] =>
    times
      .filter((t) => t.name !== '(idle)')
      .slice(0, top)
      .map((t) => [t.name, t.ms.toFixed(0), `${((100 * t.ms) / Math.max(1, busy)).toFixed(1)}%`]);
  return [
    `${title}: ${(summary.totalMs / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (${((100 * busy) / Math.max(1, summary.totalMs)).toFixed(0)}%)`,
    formatTable(['self time by package', 'ms', 'of busy'], rows(summary.byPackage)),
    formatTable(['self time by function', 'ms', 'of busy'], rows(summary.byFunction)),
  ].join('\n');
}
