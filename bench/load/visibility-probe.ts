import { Client } from 'pg';
import { percentile } from './latencies';

/**
 * Measures how long an acknowledged command takes to show in the dialog list. The projector
 * commits each batch of rows and its checkpoint in one transaction, so once the checkpoint of
 * `read-models.dialog-list` has passed a command's position, every reader of the list sees it.
 * The probe samples that checkpoint on a connection of its own every few milliseconds; a
 * command's lag is the time from its acknowledgement to the first sample at or past its position.
 */
export class VisibilityProbe {
  private readonly samples: { at: number; position: bigint }[] = [];
  private readonly acks: { at: number; position: bigint }[] = [];
  private running = false;
  private failed?: Error;
  private loop?: Promise<void>;

  constructor(
    private readonly client: Client,
    private readonly intervalMs = 5,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running && !this.failed) {
        const { rows } = await this.client.query<{ position: string | null }>(
          `SELECT position::text FROM projections.checkpoints WHERE name = 'read-models.dialog-list'`,
        );
        const at = performance.now();
        if (rows[0]?.position) this.samples.push({ at, position: BigInt(rows[0].position) });
        await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
      }
    })().catch((error: unknown) => {
      this.failed = error instanceof Error ? error : new Error(String(error));
    });
  }

  /** A command acknowledged at `at` (performance.now()) with this position. */
  acknowledged(at: number, position: bigint): void {
    this.acks.push({ at, position });
  }

  /** Waits until the list has caught up with every acknowledged command (or the timeout). */
  async stop(timeoutMs = 30_000): Promise<void> {
    const last = this.acks.reduce((max, a) => (a.position > max ? a.position : max), -1n);
    const deadline = performance.now() + timeoutMs;
    while (!this.failed && (this.samples.at(-1)?.position ?? -1n) < last && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    this.running = false;
    await this.loop;
    if (this.failed) throw this.failed;
  }

  /** Lags in ms after `from` (performance.now()); commands never seen count as the longest. */
  summary(from: number): { count: number; unseen: number; p50: number; p95: number; p99: number; max: number } {
    const lags: number[] = [];
    let unseen = 0;
    for (const ack of this.acks) {
      if (ack.at < from) continue;
      const seen = this.firstSampleReaching(ack);
      if (seen === undefined) unseen++;
      else lags.push(Math.max(0, seen - ack.at));
    }
    lags.sort((a, b) => a - b);
    return { count: lags.length, unseen, p50: percentile(lags, 50), p95: percentile(lags, 95), p99: percentile(lags, 99), max: lags.at(-1) ?? NaN };
  }

  /** Samples are in time order and the checkpoint only moves forward: two binary searches. */
  private firstSampleReaching(ack: { at: number; position: bigint }): number | undefined {
    let low = lowerBound(this.samples.length, (i) => this.samples[i].at >= ack.at);
    low = lowerBound(this.samples.length - low, (i) => this.samples[low + i].position >= ack.position) + low;
    return this.samples[low]?.at;
  }
}

/** The first index in [0, n) where `reached` holds, given it holds for all after it; n if none. */
function lowerBound(n: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
