import { status, type ServerErrorResponse } from '@grpc/grpc-js';
import { rpcError } from './rpc-error';

/**
 * Transient answers a server gives, to inject on demand:
 * - `not-ready`: a node still starting, or one between leaders (UNAVAILABLE "Server Is Not Ready"
 *   on a call; on one append of a BatchAppend, an error status with empty details, which the v6
 *   client can only report as UnknownError "Could not recognize Server Is Not Ready");
 * - `timeout`: an append whose commit timed out, e.g. during an election (ABORTED
 *   "Operation timed out" on Append, the `Timeout` status on one append of a BatchAppend).
 *   Reads never meet it.
 */
export type Fault = 'not-ready' | 'timeout';

export type CallKind = 'read' | 'append';

/** Faults waiting for the next calls that can meet them, oldest first. */
export class FaultQueue {
  private readonly pending: Fault[] = [];

  add(fault: Fault, count: number): void {
    for (let i = 0; i < count; i++) this.pending.push(fault);
  }

  /** The fault this call meets, taken off the queue, if any waits for its kind of call. */
  take(kind: CallKind): Fault | undefined {
    const index = this.pending.findIndex((fault) => fault === 'not-ready' || kind === 'append');
    return index === -1 ? undefined : this.pending.splice(index, 1)[0];
  }
}

/** The fault as a whole call's error status. */
export function faultError(fault: Fault): ServerErrorResponse {
  return fault === 'not-ready' ? rpcError(status.UNAVAILABLE, 'Server Is Not Ready') : rpcError(status.ABORTED, 'Operation timed out');
}
