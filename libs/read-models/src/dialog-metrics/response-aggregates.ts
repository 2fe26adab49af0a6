export type ResponseAggregates = Readonly<{ totalMs: number | null; averageMs: number | null; maxMs: number | null }>;

/**
 * Total, mean and max of closed response intervals. No closed interval means no response time
 * at all (null), told apart from answers in 0 ms. The mean is whole milliseconds like every
 * other metric, so every timing fits the same integer column.
 */
export function responseAggregatesOf(durations: readonly number[]): ResponseAggregates {
  if (durations.length === 0) return { totalMs: null, averageMs: null, maxMs: null };
  const total = durations.reduce((sum, duration) => sum + duration, 0);
  return {
    totalMs: total,
    averageMs: Math.round(total / durations.length),
    maxMs: durations.reduce((max, duration) => Math.max(max, duration), 0),
  };
}
