import { Client, Pool } from 'pg';

const CHANNEL = 'event_store_appended';

/**
 * Wakes subscribers early when something was appended, in this process or another.
 * The NOTIFY is sent after the append committed, on its own, and coalesced: a notifying commit
 * takes a cluster-wide lock, so notifying inside every append would serialise all appends.
 * Notifications are only a hint; subscribers still poll, so a lost one costs latency, not events.
 */
export class LogNotifier {
  private pending = false;
  private sending = false;
  private listener?: Client;
  private readonly wakers = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly connectListener: () => Client,
  ) {}

  appended(): void {
    this.pending = true;
    if (!this.sending) void this.flush();
  }

  /** Registers a callback run on every notification; returns a function that removes it. */
  onAppended(wake: () => void): () => void {
    this.wakers.add(wake);
    if (!this.listener && !this.closed) void this.listen();
    return () => this.wakers.delete(wake);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakers.clear();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private async flush(): Promise<void> {
    this.sending = true;
    try {
      while (this.pending && !this.closed) {
        this.pending = false;
        await this.pool.query(`SELECT pg_notify('${CHANNEL}', '')`).catch(() => undefined);
      }
    } finally {
      this.sending = false;
    }
  }

  private async listen(): Promise<void> {
    const client = this.connectListener();
    this.listener = client;
    client.on('notification', () => this.wakers.forEach((wake) => wake()));
    client.on('error', () => this.relisten(client));
    client.on('end', () => this.relisten(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      this.relisten(client);
    }
  }

  private relisten(client: Client): void {
    if (this.listener !== client || this.closed) return;
    this.listener = undefined;
    client.end().catch(() => undefined);
    // Polling covers the gap; retry the listener a little later.
    setTimeout(() => {
      if (!this.closed && !this.listener && this.wakers.size > 0) void this.listen();
    }, 1000).unref();
  }
}
