import { signatureOf } from '../signing/webhook-signature';

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export interface EventIdentity {
  id: string;
  type: string;
}

/**
 * The headers of one attempt, signed at `now`: every attempt, and every redelivery, is signed
 * anew, so a receiver can keep refusing old timestamps however late an event arrives.
 */
export function signedRequestOf(event: EventIdentity, body: string, secret: string, now: Date): SignedRequest {
  const timestamp = Math.floor(now.getTime() / 1000).toString();
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Switchboard-Webhooks/1',
      'Switchboard-Event-Id': event.id,
      'Switchboard-Event-Type': event.type,
      'Switchboard-Timestamp': timestamp,
      'Switchboard-Signature': signatureOf(secret, timestamp, body),
    },
  };
}
