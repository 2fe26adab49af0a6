/**
 * JSON with object keys sorted (by UTF-16 code units, recursively) and no insignificant space,
 * so that the same value always gives the same text: what a hash must be taken over, since
 * PostgreSQL's jsonb and other stores do not keep the key order they were given.
 *
 * Otherwise it follows JSON.stringify, because that is how events reach the store: `toJSON` is
 * honoured (dates become ISO text), object members that are undefined or functions are
 * dropped, such array items become null, and non-finite numbers become null.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value) ?? 'null';
}

function serialise(value: unknown): string | undefined {
  const plain = hasToJson(value) ? value.toJSON() : value;
  switch (typeof plain) {
    case 'string':
      return JSON.stringify(plain);
    case 'number':
      return Number.isFinite(plain) ? JSON.stringify(plain) : 'null';
    case 'boolean':
      return plain ? 'true' : 'false';
    case 'bigint':
      // JSON.stringify throws on bigint; the store's callers never send one, so neither may we.
      throw new TypeError('a bigint cannot be serialised as JSON');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      if (plain === null) return 'null';
      if (Array.isArray(plain)) return `[${plain.map((item) => serialise(item) ?? 'null').join(',')}]`;
      return serialiseObject(plain as Record<string, unknown>);
    default:
      return undefined;
  }
}

function serialiseObject(object: Record<string, unknown>): string {
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const member = serialise(object[key]);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
