/**
 * A progress line for long commands (rebuilds, exports): done/total, rate and ETA. On a
 * terminal it redraws one line; otherwise (CI logs) it prints a line every few seconds.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastPrinted = 0;

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    private readonly unit = 'events',
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, force = false): void {
    const now = Date.now();
    const interval = this.out.isTTY ? 100 : 3000;
    if (!force && now - this.lastPrinted < interval) return;
    this.lastPrinted = now;
    const line = this.render(done, now);
    if (this.out.isTTY) this.out.write(`\r${line}\x1b[K`);
    else this.out.write(`${line}\n`);
  }

  finish(done: number): void {
    this.update(done, true);
    if (this.out.isTTY) this.out.write('\n');
  }

  private render(done: number, now: number): string {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = done / seconds;
    const count = `${done.toLocaleString('en-US')}${this.total ? `/${this.total.toLocaleString('en-US')}` : ''} ${this.unit}`;
    const speed = `${Math.round(rate).toLocaleString('en-US')} ${this.unit}/s`;
    if (!this.total) return `${this.label} ${count} ${speed}`;
    const ratio = Math.min(1, done / this.total);
    const width = 30;
    const bar = '#'.repeat(Math.round(ratio * width)).padEnd(width, '.');
    const eta = rate > 0 ? formatDuration((this.total - done) / rate) : '?';
    return `${this.label} [${bar}] ${(ratio * 100).toFixed(0).padStart(3)}% ${count} ${speed} ETA ${eta}`;
  }
}

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
