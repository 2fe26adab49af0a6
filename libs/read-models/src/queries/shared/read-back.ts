/**
 * A read model's row as a query reads it back. The row type is the one its projection writes,
 * with `occurred_at` as ISO text; pg parses a timestamptz column into a Date.
 */
export type ReadBack<Row extends Readonly<{ occurred_at: string }>> = Omit<Row, 'occurred_at'> & Readonly<{ occurred_at: Date }>;
