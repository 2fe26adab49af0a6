import type { LogContext } from './log-context';
import { redactText, redactValue } from './redaction';

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** One line of the log, before it is written as JSON or as text. */
export interface LogRecord {
  readonly time: string;
  readonly level: LogLevelName;
  readonly context?: string;
  readonly message: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Structured fields a caller passed as an object message (request logs). */
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly error?: Readonly<{ name?: string; message?: string; stack: string }>;
}

// Nest passes the context last and, for errors, a stack trace before it (`Logger.error(message,
// stack, context)`); a stack looks like one.
const STACK_LINE = /\n\s+at\s/;

/**
 * A record from the arguments of a Nest `LoggerService` call: `(message, ...params)` where the
 * message may be a string, an Error, or an object of fields with a `message`.
 */
export function logRecordOf(level: LogLevelName, message: unknown, params: readonly unknown[], context: LogContext | undefined, now: Date): LogRecord {
  const rest = [...params];
  const named = rest.length > 0 && typeof rest[rest.length - 1] === 'string' && !STACK_LINE.test(rest[rest.length - 1] as string);
  const contextName = named ? (rest.pop() as string) : undefined;
  const stackParam = rest.find((param): param is string => typeof param === 'string' && STACK_LINE.test(param));
  const thrown = message instanceof Error ? message : rest.find((param): param is Error => param instanceof Error);
  const { text, fields } = messageOf(message);
  const stack = thrown?.stack ?? stackParam;
  return {
    time: now.toISOString(),
    level,
    ...(contextName !== undefined ? { context: contextName } : {}),
    message: redactText(text),
    ...(context ? { correlationId: context.correlationId } : {}),
    ...(context?.causationId !== undefined ? { causationId: context.causationId } : {}),
    ...(fields ? { fields } : {}),
    ...(stack !== undefined ? { error: { name: thrown?.name, message: thrown && redactText(thrown.message), stack: redactText(stack) } } : {}),
  };
}

function messageOf(message: unknown): { text: string; fields?: Record<string, unknown> } {
  if (typeof message === 'string') return { text: message };
  if (message instanceof Error) return { text: message.message };
  if (typeof message === 'object' && message !== null && !Array.isArray(message)) {
    const { message: text, ...fields } = redactValue(message) as Record<string, unknown>;
    return { text: typeof text === 'string' ? text : '', fields };
  }
  return { text: JSON.stringify(redactValue(message)) ?? String(message) };
}

/** One JSON object on one line: the fields of an object message sit beside the standard ones. */
export function jsonLineOf(record: LogRecord): string {
  const { fields, ...standard } = record;
  return JSON.stringify({ ...fields, ...standard });
}

/** One readable line for a terminal: time, level, [context], message, key=value fields, then the stack. */
export function prettyLineOf(record: LogRecord): string {
  const extras = { ...record.fields, correlationId: record.correlationId, causationId: record.causationId };
  const pairs = Object.entries(extras)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = [record.time, record.level.toUpperCase().padEnd(5), record.context ? `[${record.context}]` : '', record.message, ...pairs];
  const line = head.filter((part) => part !== '').join(' ');
  return record.error ? `${line}\n${record.error.stack}` : line;
}
