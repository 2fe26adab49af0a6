import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/**
 * Preloaded into a benchmarked process (NODE_OPTIONS `--require`): SIGWINCH starts the V8 CPU
 * profiler, the next SIGWINCH stops it and writes `<BENCH_CPU_PROFILE_DIR>/<label>-<n>.cpuprofile`.
 * So a profile covers exactly one measured window, not the start-up and its TypeScript compiling.
 * SIGWINCH, because Nest's shutdown hooks take SIGUSR2 (and Node's inspector SIGUSR1), and a
 * process without a terminal ignores it by default.
 */
const dir = process.env.BENCH_CPU_PROFILE_DIR;
const label = process.env.BENCH_CPU_PROFILE_LABEL ?? String(process.pid);

if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  let profiling = false;
  let written = 0;
  process.on('SIGWINCH', () => {
    if (!profiling) {
      profiling = true;
      session.post('Profiler.start');
      return;
    }
    profiling = false;
    session.post('Profiler.stop', (error, result) => {
      const file = join(dir, `${label}-${++written}.cpuprofile`);
      // Renamed into place whole, so a reader waiting for the file never reads half of it.
      writeFileSync(`${file}.part`, error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile));
      renameSync(`${file}.part`, file);
    });
  });
}
