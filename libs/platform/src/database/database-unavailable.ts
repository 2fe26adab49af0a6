// Socket-level failures (Node's error codes) and PostgreSQL's SQLSTATEs for "the server is
// not there or not accepting work": class 08 (connection exception), 57P01-57P03 (shutting
// down, crashed, starting up) and 53300 (too many connections). A query that fails for any
// other reason is a bug, not an outage, and stays a 500.
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN', 'EHOSTUNREACH']);
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);
// node-postgres reports a dropped or refused connection with these messages and no code.
const unavailableMessages = [/connection terminated/i, /timeout exceeded when trying to connect/i, /connection.*(closed|ended)/i];

/** True when `error`, or anything it wraps (TypeORM's driverError, `cause`), is a lost database. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const code = stringProperty(error, 'code');
  if (code !== undefined && (networkCodes.has(code) || unavailableStates.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
    return true;
  }
  const message = stringProperty(error, 'message');
  if (message !== undefined && code === undefined && unavailableMessages.some((pattern) => pattern.test(message))) {
    return true;
  }
  return isDatabaseUnavailable(property(error, 'driverError'), depth + 1) || isDatabaseUnavailable(property(error, 'cause'), depth + 1);
}

/** 57P01: the server is shutting down (fast shutdown) or an administrator ended the connection. */
export function isServerShutdown(error: unknown): boolean {
  return typeof error === 'object' && error !== null && stringProperty(error, 'code') === '57P01';
}

function property(value: object, key: string): unknown {
  return key in value ? (value as Record<string, unknown>)[key] : undefined;
}

function stringProperty(value: object, key: string): string | undefined {
  const found = property(value, key);
  return typeof found === 'string' ? found : undefined;
}
