import { status, type ServerErrorResponse } from '@grpc/grpc-js';
import { rpcError } from './rpc-error';

/**
 * Transient answers a server gives, to inject on demand:
 * - `not-ready`: a node still starting, or one between leaders (UNAVAILABLE "Server Is Not Ready"
 *   on a call; on one append of a BatchAppend, an error status with empty details, which the v6
 *   client can only report as UnknownError "Could not recognize Server Is Not Ready");
 * - `timeout`: an append whose commit timed out, e.g. during an election (ABORTED
 *   "Operation timed out" on Append, the `Timeout` status on one append of a BatchAppend).
 *   Reads never meet it;
 * - `timeout-after-write`: the same answer for an append the log did record (the commit went
 *   through after the server gave up waiting), so only a retry with the same event ids is safe.
 */
export type Fault = 'not-ready' | 'timeout' | 'timeout-after-write';

/** Where a fault is met: a call as it starts (only `not-ready`), or an append about to be written (any). */
export type FaultPoint = 'call' | 'append';

/** Faults waiting for the next calls that can meet them, oldest first. */
export class FaultQueue {
  private readonly pending: Fault[] = [];

  add(fault: Fault, count: number): void {
    for (let i = 0; i < count; i++) this.pending.push(fault);
  }

  /** The fault met at this point, taken off the queue, if one waits for it. */
  take(point: FaultPoint): Fault | undefined {
    const index = this.pending.findIndex((fault) => fault === 'not-ready' || point === 'append');
    return index === -1 ? undefined : this.pending.splice(index, 1)[0];
  }
}

/** Whether the append that meets the fault is recorded all the same. */
export const writesAnyway = (fault: Fault): boolean => fault === 'timeout-after-write';

/** The fault as a whole call's error status. */
export function faultError(fault: Fault): ServerErrorResponse {
  return fault === 'not-ready' ? rpcError(status.UNAVAILABLE, 'Server Is Not Ready') : rpcError(status.ABORTED, 'Operation timed out');
}
