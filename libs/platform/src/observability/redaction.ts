/**
 * Fields whose values never reach a log line: credentials, and what customers and operators
 * wrote (message texts, notes, comments) or who they are (names, e-mail addresses).
 */
const SECRET_KEY = /authorization|cookie|token|secret|password|passwd|api[-_]?key|signature|^text$|^comment$|^email$|^name$/i;

const REDACTED = '[redacted]';

// Credentials that may hide inside free text: a bearer header, a JWT, a URL's password.
const TEXT_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, `Bearer ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]+:)[^@/?#\s]+@/gi, `$1${REDACTED}@`],
];

/** A text with any credential it holds replaced. */
export function redactText(text: string): string {
  return TEXT_PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** A JSON-safe copy of `value` with sensitive fields replaced and credentials cut out of strings. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  // Deep structures are cut rather than walked: a log line is not a dump.
  if (depth >= 5) return '[truncated]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(field, depth + 1);
  }
  return copy;
}
