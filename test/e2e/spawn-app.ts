import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface SpawnedApp {
  baseUrl: string;
  output(): string;
  /** SIGTERM, as a process manager would send; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const ROOT = resolve(__dirname, '../..');

/**
 * Runs `apps/switchboard` in a child process, as `npm start` does but from the TypeScript
 * sources, and waits until /health answers 200.
 */
export async function spawnApp(env: Record<string, string>, timeoutMs = 60_000): Promise<SpawnedApp> {
  const port = env.PORT;
  const { child, exited, output } = spawnSource('apps/switchboard/src/main.ts', env);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${output()}`);
    const ok = await fetch(`${baseUrl}/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app did not become healthy within ${timeoutMs} ms:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface SpawnedSource {
  child: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output: () => string;
  /** What it wrote to stdout alone. */
  stdout: () => string;
}

/** Runs one TypeScript entry point of the repository in a child process, as ts-node does. */
export function spawnSource(entry: string, env: Record<string, string>, args: readonly string[] = []): SpawnedSource {
  const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': every byte of both pipes has been read by then.
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, exited, output: () => output, stdout: () => stdout };
}

/** A port nobody listens on now, so parallel runs on one machine do not collide. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
