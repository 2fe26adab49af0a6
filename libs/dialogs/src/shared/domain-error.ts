// The kind is what the HTTP edge maps to a status code (409/422/404/403/400); the code is what
// clients branch on, so it stays stable even when the message is reworded.
export type DomainErrorKind = 'conflict' | 'unprocessable' | 'not_found' | 'forbidden' | 'invalid';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
