/** Latencies by kind (command type, query shape), summarised as percentiles. */
export class Latencies {
  private readonly byKind = new Map<string, number[]>();
  private readonly failures = new Map<string, number>();

  add(kind: string, ms: number): void {
    const list = this.byKind.get(kind) ?? [];
    list.push(ms);
    this.byKind.set(kind, list);
  }

  fail(kind: string, status: number | string): void {
    const key = `${kind} ${status}`;
    this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
  }

  count(): number {
    return [...this.byKind.values()].reduce((sum, list) => sum + list.length, 0);
  }

  /** Every latency of every kind, unsorted. */
  all(): number[] {
    return [...this.byKind.values()].flat();
  }

  /** One row per kind, then `all`, with count, p50, p95, p99 and max in ms. */
  table(): string[][] {
    const kinds = [...this.byKind.keys()].sort();
    const rows = kinds.map((kind) => summaryRow(kind, this.byKind.get(kind)!));
    rows.push(summaryRow('all', [...this.byKind.values()].flat()));
    return rows;
  }

  failureLines(): string[] {
    return [...this.failures.entries()].map(([key, n]) => `${key}: ${n}`);
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summaryRow(kind: string, values: readonly number[]): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (p: number): string => percentile(sorted, p).toFixed(1);
  return [kind, String(sorted.length), ms(50), ms(95), ms(99), (sorted.at(-1) ?? NaN).toFixed(1)];
}

/** A plain text table with aligned columns. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
