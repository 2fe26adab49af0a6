import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written on behalf of one request (or one reaction) carries. */
export interface LogContext {
  readonly correlationId: string;
  readonly causationId?: string;
}

// One store per process: the request middleware enters it, the logger reads it, so a command
// handler deep in a library logs with the request's correlation id without being handed it.
const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` (and everything it starts asynchronously) with this context on its log lines. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run(context, work);
}

/** The context of the code running now, if a request or reaction entered one. */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
