/**
 * Cursors are base64url JSON: opaque to clients, who must pass them back unchanged, and easy to
 * check on the way in. Decoding answers undefined for anything that is not such an object.
 */
export function encodeCursor(value: Readonly<Record<string, unknown>>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

const MAX_CURSOR_LENGTH = 2_048;

export function decodeCursor(raw: string): Record<string, unknown> | undefined {
  if (raw.length === 0 || raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A log position as bigint text: what position-keyed cursors carry. */
export const isPositionText = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= 9_223_372_036_854_775_807n;

/** A cursor that is nothing but the log position of the last row (messages, history). */
export const encodePositionCursor = (position: string): string => encodeCursor({ p: position });

export function decodePositionCursor(raw: string): string | undefined {
  const p = decodeCursor(raw)?.p;
  return isPositionText(p) ? p : undefined;
}
