import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertPublicLiteral, guardedLookup } from './address-guard';
import type { SignedRequest } from './signed-request';

/** What one attempt came to: an answer (any status), or no answer at all. */
export type AttemptOutcome = { kind: 'answered'; statusCode: number; durationMs: number } | { kind: 'failed'; error: string; durationMs: number };

export const isDelivered = (outcome: AttemptOutcome): boolean => outcome.kind === 'answered' && outcome.statusCode >= 200 && outcome.statusCode < 300;

export interface SendOptions {
  timeoutMs: number;
  allowPrivateUrls: boolean;
  /** Stops the attempt when the worker stops; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

const REDIRECTS_ARE_FAILURES = 'redirects are not followed';

/**
 * One POST with a deadline over the whole exchange (connect, send, answer). Redirects are not
 * followed: a 3xx is a failed attempt, so a receiver cannot bounce the request elsewhere.
 */
export function sendWebhook(url: URL, signed: SignedRequest, options: SendOptions): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(abortReason(options.signal));
    const failed = (error: string) => resolve({ kind: 'failed', error, durationMs: elapsed() });
    if (!options.allowPrivateUrls) {
      try {
        assertPublicLiteral(url);
      } catch (error) {
        return failed(messageOf(error));
      }
    }
    const requestOptions: RequestOptions = {
      method: 'POST',
      headers: { ...signed.headers, 'Content-Length': Buffer.byteLength(signed.body).toString() },
      signal: options.signal,
      ...(options.allowPrivateUrls ? {} : { lookup: guardedLookup }),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, requestOptions, (res) => {
      // The answer's body is not kept; it is drained so that the socket can close.
      res.resume();
      res.on('end', () => {
        clearTimeout(timer);
        const statusCode = res.statusCode ?? 0;
        resolve({ kind: 'answered', statusCode, durationMs: elapsed() });
      });
      res.on('error', (error) => failed(messageOf(error)));
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      if (options.signal?.aborted) reject(abortReason(options.signal));
      else failed(messageOf(error));
    });
    req.end(signed.body);
  });
}

/** The log's words for an answer that did not deliver. */
export function failureOf(outcome: AttemptOutcome): string | null {
  if (outcome.kind === 'failed') return outcome.error;
  if (outcome.statusCode >= 300 && outcome.statusCode < 400) return `HTTP ${outcome.statusCode}: ${REDIRECTS_ARE_FAILURES}`;
  return isDelivered(outcome) ? null : `HTTP ${outcome.statusCode}`;
}

/** The worker aborts with an Error; a bare abort() gives the platform's AbortError, an Error too. */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error(String(reason));
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
