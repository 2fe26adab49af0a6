import { isDomainError } from '@switchboard/dialogs';
import { ConcurrencyConflictError, PreconditionFailedError } from './command.errors';

const statusOfKind = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, unprocessable: 422 } as const;

/**
 * How one item of a bulk action failed, in the same terms as the HTTP answer to a single
 * command. Anything unexpected is rethrown: a bulk answer must not hide an outage.
 */
export function describeFailure(error: unknown): { status: number; code: string; message: string } {
  if (isDomainError(error)) return { status: statusOfKind[error.kind], code: error.code, message: error.message };
  if (error instanceof ConcurrencyConflictError) return { status: 409, code: 'concurrency_conflict', message: error.message };
  if (error instanceof PreconditionFailedError) return { status: 412, code: 'precondition_failed', message: error.message };
  throw error;
}
