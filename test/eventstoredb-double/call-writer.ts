import { once } from 'node:events';
import type { ServerWritableStream } from '@grpc/grpc-js';

/**
 * Writes one message and waits while the client is not reading (HTTP/2 flow control), so a slow
 * or stalled reader holds the double back the way it holds a real server back. Resolves false
 * once the call is cancelled: the caller stops writing.
 */
export async function writeMessage<Req, Resp>(call: ServerWritableStream<Req, Resp>, message: Resp): Promise<boolean> {
  if (call.cancelled || call.destroyed) return false;
  if (!call.write(message)) {
    const cancelled = new AbortController();
    await Promise.race([
      once(call, 'drain', { signal: cancelled.signal }),
      once(call, 'cancelled', { signal: cancelled.signal }),
      once(call, 'close', { signal: cancelled.signal }),
    ]).catch(() => undefined);
    cancelled.abort();
  }
  return !call.cancelled && !call.destroyed;
}
