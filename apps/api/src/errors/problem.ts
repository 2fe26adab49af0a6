import { STATUS_CODES } from 'node:http';

/** One invalid input: `field` is a dotted path into the request (`attachments.0.sizeBytes`). */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/** RFC 9457 problem details, with the stable `code` clients branch on. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ProblemExtras {
  readonly errors?: readonly FieldError[];
  readonly details?: Readonly<Record<string, unknown>>;
  /** Response headers the status calls for (`WWW-Authenticate`, `Retry-After`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * An error the edge has already decided how to answer. Everything else is mapped to one of
 * these by the exception filter, so there is one place that knows the wire format.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';

  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail);
  }

  toProblem(): Problem {
    const { errors, details } = this.extras;
    return {
      type: `urn:switchboard:problem:${this.code}`,
      title: STATUS_CODES[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(errors && errors.length > 0 ? { errors } : {}),
      ...(details && Object.keys(details).length > 0 ? { details } : {}),
    };
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
