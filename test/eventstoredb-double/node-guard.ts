import { status, type Metadata, type ServerErrorResponse } from '@grpc/grpc-js';
import type { EventLog } from './event-log';
import type { Fault, FaultQueue } from './faults';
import { faultError } from './faults';
import { rpcError } from './rpc-error';
import { mayAccess, type Operation, type Principal } from './stream-acl';

export interface DoubleUser extends Principal {
  readonly password: string;
}

/** The users of a secure node, by name; the HTTP users endpoint adds to it. */
export type UserDirectory = Map<string, DoubleUser>;

export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

/** Who a call runs as: a user of a secure node, or anyone on an insecure one. */
export type Caller = Principal | 'insecure';

/**
 * Whether one node serves a call, checked in the server's order: credentials, then leadership,
 * then a node not ready (injected); whether the caller may touch a stream is asked apart (`authorize`),
 * since an append names its stream only in its first message.
 *
 * - `users` (secure mode only): a call must carry Basic credentials of a known user; wrong ones
 *   answer UNAUTHENTICATED and none access denied, as a server with anonymous access off (the
 *   default since 23.6) does.
 * - `leader()`: undefined on the leader; on a follower, the leader's endpoint, sent with
 *   `not-leader` to every call that says `requires-leader`. Calls that do not are served:
 *   a server's follower serves reads itself (possibly behind the leader) and forwards writes.
 */
export function nodeGuard(options: { log: EventLog; users?: UserDirectory; leader: () => Endpoint | undefined; faults: FaultQueue }) {
  const notLeader = (metadata: Metadata): ServerErrorResponse | undefined => {
    const leader = options.leader();
    if (!leader || metadata.get('requires-leader')[0] !== 'true') return undefined;
    return rpcError(status.NOT_FOUND, 'Leader info available', 'not-leader', {
      'leader-endpoint-host': leader.host,
      'leader-endpoint-port': String(leader.port),
    });
  };
  return {
    admit(metadata: Metadata): { caller: Caller } | { refused: ServerErrorResponse } {
      const caller = options.users ? authenticate(options.users, metadata) : 'insecure';
      if (caller === 'wrong') return { refused: rpcError(status.UNAUTHENTICATED, 'Bad credentials') };
      const refused = notLeader(metadata);
      if (refused) return { refused };
      const fault = options.faults.take('call');
      if (fault) return { refused: faultError(fault) };
      if (!caller) return { refused: accessDenied() };
      return { caller };
    },
    authorize(caller: Caller, streamId: string, operation: Operation): ServerErrorResponse | undefined {
      if (caller === 'insecure' || mayAccess(options.log, caller, streamId, operation)) return undefined;
      return accessDenied();
    },
    notLeader,
    /** The fault an append about to be written meets, if any. */
    appendFault: (): Fault | undefined => options.faults.take('append'),
  };
}

export type NodeGuard = ReturnType<typeof nodeGuard>;

const accessDenied = (): ServerErrorResponse => rpcError(status.PERMISSION_DENIED, 'Access denied', 'access-denied');

/** Basic credentials checked against the users: the user, 'wrong', or undefined for none sent. */
export function authenticate(users: UserDirectory, metadata: Metadata | string | undefined): DoubleUser | 'wrong' | undefined {
  const header = typeof metadata === 'string' || metadata === undefined ? metadata : metadata.get('authorization')[0];
  if (typeof header !== 'string' || !header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = users.get(decoded.slice(0, colon));
  return user && user.password === decoded.slice(colon + 1) ? user : 'wrong';
}
