/** The stream kept changing under the command through every retry: the caller may try again. */
export class ConcurrencyConflictError extends Error {
  override readonly name = 'ConcurrencyConflictError';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`${streamId} changed concurrently ${attempts} times in a row; try again`);
  }
}

/** `If-Match` named a revision the stream is no longer at. */
export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailedError';
  constructor(
    readonly streamId: string,
    readonly expected: bigint,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`${streamId} is at revision ${String(actual)}, not ${expected}`);
  }
}

/** An `Idempotency-Key` the principal already used for a different request. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(
    readonly request: string,
    readonly earlierRequest: string,
  ) {
    super(`this Idempotency-Key was used for ${earlierRequest}, not ${request}`);
  }
}
