import type { LoggerService } from '@nestjs/common';
import { currentLogContext } from './log-context';
import { jsonLineOf, logRecordOf, prettyLineOf, type LogLevelName, type LogRecord } from './log-record';

export type LogFormat = 'json' | 'pretty';
export type LogThreshold = 'debug' | 'info' | 'warn' | 'error';

export interface SwitchboardLoggerOptions {
  readonly format: LogFormat;
  readonly level: LogThreshold;
  /** Where lines go; standard output by default (one line per call, newline added). */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

const rank: Readonly<Record<LogLevelName, number>> = { debug: 0, info: 1, warn: 2, error: 3, fatal: 4 };

/**
 * The logger of every Switchboard process, installed as Nest's logger so that every
 * `new Logger(context)` writes through it: one JSON object per line (or a readable line), the
 * request's correlation id when there is one, sensitive fields and credentials cut out.
 */
export class SwitchboardLogger implements LoggerService {
  private readonly write: (line: string) => void;
  private readonly now: () => Date;

  constructor(private readonly options: SwitchboardLoggerOptions) {
    this.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
    this.now = options.now ?? (() => new Date());
  }

  log(message: unknown, ...params: unknown[]): void {
    this.emit('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.emit('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.emit('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.emit('fatal', message, params);
  }

  private emit(level: LogLevelName, message: unknown, params: readonly unknown[]): void {
    if (rank[level] < rank[this.options.level]) return;
    const record: LogRecord = logRecordOf(level, message, params, currentLogContext(), this.now());
    this.write(this.options.format === 'json' ? jsonLineOf(record) : prettyLineOf(record));
  }
}
