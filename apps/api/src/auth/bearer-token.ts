import { authErrors } from './auth.errors';

// RFC 6750 b64token; JWTs use the base64url subset of it.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token of an `Authorization: Bearer` header, or a 401 problem. */
export function bearerTokenOf(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw authErrors.missingToken();
  const match = BEARER.exec(header.trim());
  if (!match) throw authErrors.invalidToken('the Authorization header must be "Bearer <JWT>"');
  return match[1];
}
