import { Metadata, type ServerErrorResponse, type status } from '@grpc/grpc-js';

/**
 * A gRPC error as the server raises it. `exception` goes into the trailers because that is what
 * the client reads to choose its error class (e.g. "missing-required-metadata-property").
 */
export function rpcError(code: status, details: string, exception?: string, trailers: Record<string, string> = {}): ServerErrorResponse {
  const metadata = new Metadata();
  if (exception) metadata.set('exception', exception);
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

/** Ends a streaming call with an error status (grpc-js sends the status of an 'error' event). */
export function fail(call: { emit(event: 'error', error: ServerErrorResponse): boolean }, error: ServerErrorResponse): void {
  call.emit('error', error);
}
