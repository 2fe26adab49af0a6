import { Client } from 'pg';
import { formatTable } from './latencies';

/**
 * The server's statement statistics (pg_stat_statements), when the server loads the module
 * (bench-database asks the embedded one to): reset before a window, the top statements by total
 * execution time after it.
 */
export class StatementStats {
  private constructor(private readonly client: Client) {}

  /** Undefined when the server does not load pg_stat_statements. */
  static async open(url: string): Promise<StatementStats | undefined> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await client.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
      return new StatementStats(client);
    } catch {
      await client.end();
      return undefined;
    }
  }

  async reset(): Promise<void> {
    await this.client.query('SELECT pg_stat_statements_reset()');
  }

  /**
   * The top statements of these databases by total execution time, as a table, after a line
   * with all statements per `commands` (each one is a round trip, a parse and a plan lookup).
   */
  async top(databases: readonly string[], commands: number, count = 10): Promise<string> {
    const { rows } = await this.client.query<{ calls: string; total: number; mean: number; plan: number; rows: string; query: string }>(
      `SELECT calls::text, total_exec_time AS total, mean_exec_time AS mean, total_plan_time AS plan, rows::text, query
         FROM pg_stat_statements
        WHERE dbid IN (SELECT oid FROM pg_database WHERE datname = ANY($1))
        ORDER BY total_exec_time DESC LIMIT $2`,
      [databases, count],
    );
    const all = await this.client.query<{ total: number; plan: number; calls: string }>(
      `SELECT coalesce(sum(total_exec_time), 0) AS total, coalesce(sum(total_plan_time), 0) AS plan, coalesce(sum(calls), 0)::text AS calls
         FROM pg_stat_statements
        WHERE dbid IN (SELECT oid FROM pg_database WHERE datname = ANY($1))`,
      [databases],
    );
    const sum = Math.max(1, all.rows[0].total);
    const table = rows.map((r) => [
      r.calls,
      r.total.toFixed(0),
      `${((100 * r.total) / sum).toFixed(0)}%`,
      r.mean.toFixed(2),
      r.plan.toFixed(0),
      r.rows,
      r.query.replace(/\s+/g, ' ').trim().slice(0, 110),
    ]);
    const per = (x: number): string => (x / Math.max(1, commands)).toFixed(2);
    const { calls, total, plan } = all.rows[0];
    const totals = `${per(Number(calls))} statements, ${per(total)} ms of execution and ${per(plan)} ms of planning per command (or request)`;
    return `${totals}\n` + formatTable(['calls', 'total ms', 'share', 'mean ms', 'plan ms', 'rows', 'statement'], table).replace(/ +$/gm, '');
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
