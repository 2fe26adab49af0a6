import type { LoggerService } from '@nestjs/common';

/**
 * Everything the app logs, at every level, through Nest's logger, plus whatever is written to
 * stdout and stderr meanwhile (a library logging on its own).
 */
export class CapturedLogs implements LoggerService {
  private readonly lines: string[] = [];
  private restore: (() => void) | undefined;

  log = (...parts: unknown[]): void => this.record('log', parts);
  error = (...parts: unknown[]): void => this.record('error', parts);
  warn = (...parts: unknown[]): void => this.record('warn', parts);
  debug = (...parts: unknown[]): void => this.record('debug', parts);
  verbose = (...parts: unknown[]): void => this.record('verbose', parts);
  fatal = (...parts: unknown[]): void => this.record('fatal', parts);

  get text(): string {
    return this.lines.join('\n');
  }

  /** Also records process.stdout and process.stderr until stop(). */
  start(): this {
    const streams = [process.stdout, process.stderr];
    const originals = streams.map((stream) => stream.write.bind(stream));
    streams.forEach((stream, index) => {
      stream.write = (chunk: unknown, ...rest: never[]) => {
        this.lines.push(String(chunk));
        return originals[index](chunk as string, ...rest);
      };
    });
    this.restore = () => streams.forEach((stream, index) => (stream.write = originals[index]));
    return this;
  }

  stop(): void {
    this.restore?.();
  }

  private record(level: string, parts: unknown[]): void {
    this.lines.push(
      `${level} ${parts.map((part) => (part instanceof Error ? `${part.message} ${part.stack ?? ''}` : typeof part === 'string' ? part : JSON.stringify(part))).join(' ')}`,
    );
  }
}

const JWT_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.?/;

/** Asserts that the logs hold none of the secrets, no JWT-looking string and no bearer credentials. */
export function expectNoSecretsIn(logs: string, secrets: readonly string[]): void {
  for (const secret of secrets) expect({ leaked: secret.slice(0, 12), found: logs.includes(secret) }).toEqual({ leaked: secret.slice(0, 12), found: false });
  expect(logs).not.toMatch(JWT_LIKE);
  expect(logs).not.toMatch(/Bearer\s+\S/i);
}
