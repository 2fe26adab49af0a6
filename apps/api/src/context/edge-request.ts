import type { Actor } from '@switchboard/dialogs';
import type { Request } from 'express';

/** What the edge learns about a request before a controller sees it. */
export interface EdgeRequest extends Request {
  /** Set by the correlation-id middleware, first thing. */
  correlationId?: string;
  /** Set by the authentication guard; absent on public routes. */
  actor?: Actor;
}

export const CORRELATION_ID_HEADER = 'X-Correlation-Id';
