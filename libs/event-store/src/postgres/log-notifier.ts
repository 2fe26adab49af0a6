import { Client } from 'pg';

const CHANNEL = 'event_store_appended';
/** Under load, at most one NOTIFY per this many milliseconds; a quiet log notifies at once. */
const MIN_INTERVAL_MS = 5;

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
  /** NOTIFY goes over its own connection so that it never waits for, or holds, a pooled one. */
  private sender?: Promise<Client>;
  private readonly wakers = new Set<() => void>();
  private closed = false;

  constructor(private readonly connect: () => Client) {}

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
    const sender = this.sender;
    this.sender = undefined;
    await sender?.then((client) => client.end()).catch(() => undefined);
  }

  private async flush(): Promise<void> {
    this.sending = true;
    try {
      while (this.pending && !this.closed) {
        this.pending = false;
        await this.notify();
        // Appends that land meanwhile are covered by the next, single notification.
        await new Promise((resolve) => setTimeout(resolve, MIN_INTERVAL_MS));
      }
    } finally {
      this.sending = false;
    }
  }

  private async notify(): Promise<void> {
    try {
      this.sender ??= this.openSender();
      const client = await this.sender;
      await client.query(`SELECT pg_notify('${CHANNEL}', '')`);
    } catch {
      // A lost notification only delays subscribers until their next poll; reconnect next time.
      const broken = this.sender;
      this.sender = undefined;
      broken?.then((client) => client.end()).catch(() => undefined);
    }
  }

  private async openSender(): Promise<Client> {
    const client = this.connect();
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  private async listen(): Promise<void> {
    const client = this.connect();
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
