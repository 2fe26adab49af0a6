import type { NextFunction, Request, Response } from 'express';

// The API answers JSON and never renders in a browser: nothing may load, frame or submit.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Swagger UI loads its own scripts and styles, sets inline styles and uses data: images; still no framing.
const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const DOCS_PATH = '/docs';

/** Headers every answer carries, errors included; registered first. */
export function securityHeaders(hstsMaxAgeSeconds: number) {
  return (request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    const docs = request.path === DOCS_PATH || request.path.startsWith(`${DOCS_PATH}/`) || request.path.startsWith(`${DOCS_PATH}-`);
    response.setHeader('Content-Security-Policy', docs ? DOCS_CSP : API_CSP);
    if (hstsMaxAgeSeconds > 0) response.setHeader('Strict-Transport-Security', `max-age=${hstsMaxAgeSeconds}; includeSubDomains`);
    next();
  };
}
