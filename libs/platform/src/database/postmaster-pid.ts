import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The port of the PostgreSQL server that runs on `dataDir` now, read from the `postmaster.pid`
 * file the server keeps there (line 1 its process id, line 4 its port); undefined when none
 * runs. This is how a CLI finds the server the service started, whatever port it was given.
 */
export function runningServerPort(dataDir: string): number | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  return isAlive(pid) ? port : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user (the `postgres` user when the service runs as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
