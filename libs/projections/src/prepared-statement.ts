import { createHash } from 'node:crypto';

/** A statement the server parses and plans once per connection, then only binds and runs. */
export type PreparedStatement = Readonly<{ name: string; text: string }>;

const known = new Map<string, PreparedStatement>();

/**
 * The statement of this text, named after its hash so that every caller of one text shares one
 * server-side statement per connection. A projection's statements run many times a second with
 * the same shape, and planning a wide multi-row upsert costs the server as much as running it.
 * The plan follows the transaction's search path: PostgreSQL plans again when the path differs
 * from the last use, so one text serves every generation's schema.
 */
export function prepared(text: string): PreparedStatement {
  let statement = known.get(text);
  if (statement === undefined) {
    statement = { name: `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text };
    known.set(text, statement);
  }
  return statement;
}
