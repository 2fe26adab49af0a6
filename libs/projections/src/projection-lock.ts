import { Client } from 'pg';

/**
 * One writer per projection across all processes: a session-level advisory lock held on a
 * connection of its own for as long as the projection runs there. A second projector process
 * waits as a standby and takes over when the first one's connection ends; the rebuild command
 * refuses to run while a projector holds it. The checkpoint's compare-and-set stays the last
 * line of defence.
 */
export class ProjectionLock {
  private client?: Client;

  constructor(
    private readonly connectionString: string,
    private readonly name: string,
  ) {}

  /** True if this process now holds the lock. */
  async tryAcquire(): Promise<boolean> {
    // Still held from before, e.g. by a runner restarting after its projection failed.
    if (this.client) return true;
    const client = new Client({ connectionString: this.connectionString });
    client.on('error', () => undefined);
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [`projection:${this.name}`]);
    if (rows[0].locked) {
      this.client = client;
      // A lost connection loses the lock with it; the next attempt must take it again.
      client.on('end', () => {
        if (this.client === client) this.client = undefined;
      });
      return true;
    }
    await client.end();
    return false;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
