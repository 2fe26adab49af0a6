import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SpawnedSource } from '../../test/e2e/spawn-app';
import { summariseProfile, type CpuProfile } from '../profile/cpuprofile-summary';
import { formatProfile } from '../profile/format-profile';
import { sleep } from './phase';

const PRELOAD = resolve(__dirname, '../profile/cpu-profile-on-signal.ts');

/**
 * CPU profiles of the service's processes over measured windows only: each process preloads
 * cpu-profile-on-signal.ts, and SIGWINCH starts and stops its profiler.
 */
export class CpuProfiles {
  private readonly written = new Map<string, number>();

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** The environment that makes a process profile itself on signal, its files named by `label`. */
  env(label: string): Record<string, string> {
    return {
      NODE_OPTIONS: `--require ts-node/register/transpile-only --require ${PRELOAD}`,
      BENCH_CPU_PROFILE_DIR: this.dir,
      BENCH_CPU_PROFILE_LABEL: label,
    };
  }

  start(processes: SpawnedSource[]): void {
    for (const p of processes) p.child.kill('SIGWINCH');
  }

  /** Stops the profilers and returns each profile's summary, titled `<label> <title>`. */
  async stop(processes: Record<string, SpawnedSource>, title: string): Promise<string[]> {
    const summaries: string[] = [];
    for (const [label, p] of Object.entries(processes)) {
      p.child.kill('SIGWINCH');
      const n = (this.written.get(label) ?? 0) + 1;
      this.written.set(label, n);
      const file = join(this.dir, `${label}-${n}.cpuprofile`);
      for (let waited = 0; !existsSync(file) && waited < 30_000; waited += 100) await sleep(100);
      const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
      summaries.push(formatProfile(`${label} ${title} (${file})`, summariseProfile(profile), 12));
    }
    return summaries;
  }
}
