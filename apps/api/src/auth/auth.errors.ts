import { ProblemError } from '../errors/problem';
import { problems } from '../errors/problems';

const REALM = 'Bearer realm="switchboard"';

// RFC 6750: no error code when credentials are missing, `invalid_token` when they are refused.
// Reasons are fixed texts: nothing from the token itself is echoed or logged.
export const authErrors = {
  missingToken: (): ProblemError =>
    new ProblemError(401, 'unauthenticated', 'This request needs "Authorization: Bearer <JWT>"', {
      headers: { 'WWW-Authenticate': REALM },
    }),
  invalidToken: (reason: string): ProblemError =>
    new ProblemError(401, 'invalid_token', `The bearer token was refused: ${reason}`, {
      headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token", error_description="${reason}"` },
    }),
  keysUnavailable: (): ProblemError => problems.serviceUnavailable('The token signing keys cannot be fetched right now'),
};
