import { status, type Metadata, type ServerErrorResponse } from '@grpc/grpc-js';
import { rpcError } from './rpc-error';

export interface DoubleUser {
  readonly username: string;
  readonly password: string;
  /** Member of `$admins`: may read the server's own (`$`) streams. */
  readonly admin: boolean;
}

export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

/** The stream a read names (`$all` for the whole log); undefined for appends. */
export type Access = { readonly streamId?: string };

/**
 * Who may do what on one node, checked before a call is served, in the server's order:
 * credentials, then leadership, then the stream's access list.
 *
 * - `users` (secure mode only): a call must carry Basic credentials of a known user; wrong ones
 *   answer UNAUTHENTICATED and none answer access denied, as a server with anonymous access off
 *   (the default since 23.6) does. A user not in `$admins` may read `$all` and any stream not
 *   starting with `$`, and no other `$` stream (the server's default `$systemStreamAcl`; reading
 *   `$all` as a plain user needs the operator's grant, see docker/README.md).
 * - `leader()`: undefined on the leader; on a follower, the leader's endpoint, sent with
 *   `not-leader` to every call that says `requires-leader`. Calls that do not are served:
 *   a server's follower serves reads itself (possibly behind the leader) and forwards writes.
 */
export function nodeGuard(options: { users?: readonly DoubleUser[]; leader: () => Endpoint | undefined }) {
  return (metadata: Metadata, access: Access): ServerErrorResponse | undefined => {
    const user = options.users ? authenticate(options.users, metadata) : 'insecure';
    if (user === 'wrong') return rpcError(status.UNAUTHENTICATED, 'Bad credentials');
    const leader = options.leader();
    if (leader && metadata.get('requires-leader')[0] === 'true') {
      return rpcError(status.NOT_FOUND, 'Leader info available', 'not-leader', {
        'leader-endpoint-host': leader.host,
        'leader-endpoint-port': String(leader.port),
      });
    }
    if (user === 'insecure') return undefined;
    const systemStream = access.streamId !== undefined && access.streamId.startsWith('$') && access.streamId !== '$all';
    if (!user || (systemStream && !user.admin)) return rpcError(status.PERMISSION_DENIED, 'Access denied', 'access-denied');
    return undefined;
  };
}

export type NodeGuard = ReturnType<typeof nodeGuard>;

function authenticate(users: readonly DoubleUser[], metadata: Metadata): DoubleUser | 'wrong' | undefined {
  const header = metadata.get('authorization')[0];
  if (typeof header !== 'string' || !header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = users.find((u) => u.username === decoded.slice(0, colon) && u.password === decoded.slice(colon + 1));
  return user ?? 'wrong';
}
