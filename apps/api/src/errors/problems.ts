import type { FieldError } from './problem';
import { ProblemError } from './problem';

// The problems the edge raises itself; domain and store errors are mapped in problem-of.ts.
export const problems = {
  validation: (errors: readonly FieldError[]): ProblemError => new ProblemError(400, 'validation_failed', `Invalid request: ${describe(errors)}`, { errors }),

  invalidField: (field: string, reason: string): ProblemError => problems.validation([{ field, reason }]),

  fieldForbidden: (code: string, field: string, reason: string): ProblemError =>
    new ProblemError(403, code, `${field}: ${reason}`, { errors: [{ field, reason }] }),

  roleForbidden: (role: string): ProblemError => new ProblemError(403, 'role_not_allowed', `The ${role} role may not send commands`),

  dialogNotOpenedYet: (dialogId: string, asOf: Date, openedAt: string): ProblemError =>
    new ProblemError(404, 'dialog_not_opened_yet', `The dialog ${dialogId} did not exist yet at ${asOf.toISOString()}; it was opened at ${openedAt}`, {
      details: { dialogId, asOf: asOf.toISOString(), openedAt },
    }),

  serviceUnavailable: (detail: string): ProblemError => new ProblemError(503, 'service_unavailable', detail, { headers: { 'Retry-After': '1' } }),

  internal: (): ProblemError => new ProblemError(500, 'internal_error', 'The server failed to handle the request; it has been logged'),
};

function describe(errors: readonly FieldError[]): string {
  const fields = [...new Set(errors.map((error) => error.field))];
  return fields.length === 0 ? 'the request is malformed' : `check ${fields.join(', ')}`;
}
